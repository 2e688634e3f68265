package io.copydesk.enrich.actors;

import java.util.Locale;
import java.util.Set;

/** Closed-class English words the actor rules rely on: general language, not news of the day. */
final class Lexicon {
  private Lexicon() {}

  /** Words that make a phrase a title or role ("Press Secretary", "foreign ministry spokesman"). */
  static final Set<String> TITLE_HEADS = Set.of(
      "president", "vice", "secretary", "spokesman", "spokeswoman", "spokesperson", "minister", "premier", "chancellor",
      "speaker", "leader", "commander", "cmdr", "gen", "general", "lt", "col", "colonel", "maj", "major", "capt", "captain",
      "sgt", "sergeant", "adm", "admiral", "official", "officials", "chief", "director", "head", "chairman", "chairwoman",
      "chair", "ceo", "cfo", "founder", "governor", "gov", "mayor", "senator", "sen", "rep", "representative", "congressman",
      "congresswoman", "lawmaker", "ambassador", "envoy", "king", "queen", "prince", "princess", "emir", "sheikh", "pope",
      "cardinal", "archbishop", "bishop", "rabbi", "imam", "ayatollah", "judge", "justice", "attorney", "prosecutor",
      "coach", "manager", "analyst", "correspondent", "editor", "reporter", "professor", "dr", "mr", "mrs", "ms", "sir",
      "dame", "lord", "lady", "sheriff", "inspector", "superintendent", "commissioner", "councillor", "councilman",
      "councilwoman", "deputy", "aide", "adviser", "advisor", "negotiator", "strategist", "economist", "officer",
      "agent", "detective", "pilot", "soldier", "private", "corporal", "cpl", "pvt", "marshal", "field");

  /** Words that may stand inside a title phrase without being its head ("former", "press", "foreign"). */
  static final Set<String> TITLE_MODIFIERS = Set.of(
      "former", "acting", "interim", "incoming", "outgoing", "then", "deputy", "assistant", "associate", "senior", "junior",
      "chief", "press", "foreign", "defense", "defence", "interior", "finance", "economy", "health", "justice", "state",
      "home", "prime", "national", "security", "military", "militia", "army", "navy", "air", "force", "intelligence",
      "ministry", "department", "office", "house", "senate", "party", "opposition", "rebel", "police", "government",
      "executive", "managing", "general", "communications", "public", "affairs", "relations", "lead", "top", "regional",
      "provincial", "local", "federal", "city", "county", "district", "white", "of", "the", "for", "and", "u.s.", "us");

  /** After a demonym, these make the phrase a state acting ("Iranian officials", "Iraqi military"). */
  static final Set<String> STATE_AGENTS = Set.of(
      "official", "officials", "government", "governments", "authorities", "authority", "military", "forces", "army",
      "navy", "troops", "soldiers", "ministry", "diplomats", "diplomat", "leaders", "leadership", "president",
      "regime", "state", "embassy", "negotiators", "delegation", "police", "warplanes", "jets", "drones", "prosecutors",
      "lawmakers", "parliament", "administration", "intelligence", "security");

  /** After a capital, these make the capital stand for its state ("Tehran said", "Washington has"). */
  static final Set<String> STATE_VERBS = Set.of(
      "said", "says", "say", "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "may",
      "wants", "want", "wanted", "accused", "accuses", "denied", "denies", "announced", "announces", "rejected", "rejects",
      "warned", "warns", "vowed", "vows", "plans", "planned", "planning", "agreed", "agrees", "signed", "condemned",
      "condemns", "responded", "insisted", "demanded", "demands", "threatened", "threatens", "blamed", "blames", "called",
      "urged", "urges", "sent", "launched", "imposed", "imposes", "sanctioned", "recognized", "recognised", "expelled",
      "hopes", "hoped", "believes", "believed", "sees", "saw", "must", "can", "cannot", "did", "does");

  static final Set<String> CALENDAR = Set.of(
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
      "april", "may", "june", "july", "august", "september", "october", "november", "december");

  /** Generic trailing words of an organisation's name: "CNN News" is CNN. */
  static final Set<String> ORG_GENERIC_TAILS = Set.of("news", "press", "agency", "network", "channel", "tv", "radio", "online");

  static String lower(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
  }

  static boolean isTitleHead(String word) {
    return TITLE_HEADS.contains(lower(word));
  }

  static boolean isTitleWord(String word) {
    String w = lower(word);
    return TITLE_HEADS.contains(w) || TITLE_MODIFIERS.contains(w) || TITLE_MODIFIERS.contains(word.toLowerCase(Locale.ROOT));
  }
}
