package io.copydesk.enrich.claims;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributions with no verb, where punctuation names the source: a line opening with a speaker and
 * a colon ("Pence: Flowers won't be at the debate", transcripts' "WALLACE: Let's start …") and a
 * quotation signed with a dash after it ("“…” ― Sonya Herridge").
 */
final class LabelledQuotes implements AttributionPattern {
  /** A label of one to four capitalised words, a colon, and the rest of the line. */
  private static final Pattern COLON =
      Pattern.compile(
          "(?m)^[\"“]?(\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}):[ \\t]+(\\S[^\\n]*)$");

  /**
   * A closing quotation mark, a dash and a short signature ending the line (spaces may be no-break
   * ones).
   */
  private static final Pattern SIGNED =
      Pattern.compile("[”\"]\\h*[―—–]\\h*(\\p{Lu}[^\\n“”\"]{1,60}?)[\\h.]*(?=\\n|$)");

  /** Two to four capitalised words (initials allowed): the shape of a person's name. */
  private static final Pattern NAME_SHAPED =
      Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(?:\\h+\\p{Lu}[\\p{L}'’.-]*){1,3}\\h*");

  /** A claim found here: content span, speaker and the label's span. */
  record Found(int start, int end, SpeakerResolver.Speaker speaker, String cue) {}

  /** The labelled quotations no other pattern has read (same span within two characters). */
  @Override
  public void afterArticle(ArticleScan article, List<Claim> found) {
    List<Claim> more = new ArrayList<>();
    for (Found f : find(article.text(), article.quotes(), article.speakers(), article.actors())) {
      boolean known =
          java.util.stream.Stream.concat(found.stream(), more.stream())
              .anyMatch(
                  c ->
                      Math.abs(c.getStart() - f.start()) <= 2
                          && Math.abs(c.getEnd() - f.end()) <= 2);
      Claim c =
          known ? null : article.claim(f.start(), f.end(), f.speaker(), f.cue(), ClaimKind.direct);
      if (c != null) {
        more.add(c);
      }
    }
    found.addAll(more);
  }

  static List<Found> find(
      String text, List<QuoteSpans.Span> quotes, SpeakerResolver speakers, List<Actor> actors) {
    List<Found> found = new ArrayList<>();
    Matcher colon = COLON.matcher(text);
    while (colon.find()) {
      SpeakerResolver.Speaker s =
          named(colon.group(1), colon.start(1), colon.end(1), speakers, actors);
      if (s != null) {
        found.add(new Found(colon.start(2), colon.end(2), s, ":"));
      }
    }
    Matcher lead = QUOTED_AFTER_LEAD.matcher(text);
    while (lead.find()) {
      SpeakerResolver.Speaker s = namedIn(lead.group(1), actors);
      if (s != null && !COLON.matcher(lead.group()).matches()) {
        found.add(new Found(lead.start(2), lead.end(2), s, ":"));
      }
    }
    Matcher signed = SIGNED.matcher(text);
    while (signed.find()) {
      QuoteSpans.Span quote = endingAt(quotes, signed.start());
      // A quote opened with a mistyped mark ("”Mr. Trump …” ― X") runs from the start of its line.
      int start = quote != null ? quote.start() : text.lastIndexOf('\n', signed.start()) + 1;
      SpeakerResolver.Speaker s =
          named(signed.group(1), signed.start(1), signed.end(1), speakers, actors);
      if (s == null && NAME_SHAPED.matcher(signed.group(1)).matches()) {
        // A signature names its writer even where the NER misses the name: "― Jacklyn Ashley".
        s =
            new SpeakerResolver.Speaker(
                signed.group(1).strip(), signed.group(1).strip(), null, ActorType.PERSON);
      }
      if (s != null && signed.start() > start) {
        found.add(
            new Found(
                start,
                signed.start(),
                s,
                text.substring(signed.start() + 1, signed.start(1)).strip()));
      }
    }
    return found;
  }

  /**
   * A line of a lead-in, a colon and nothing but one quotation, as headlines set a quote ("A lesson
   * from Loretta Lynch: 'Be the voice that people hear.'"); quotations in headlines often take
   * single marks.
   */
  private static final Pattern QUOTED_AFTER_LEAD =
      Pattern.compile(
          "(?m)^([^\\n:“”\"‘’]{3,80}):[ \\t]+[“\"‘']([^\\n“”\"]+?)[”\"’'][.!?]?[ \\t]*$");

  /**
   * The person, else the organisation, of the article that a lead-in names first, by full name or
   * (people) by surname: "Elizabeth Warren Hammers Wells Fargo CEO" names Elizabeth Warren.
   */
  private static SpeakerResolver.Speaker namedIn(String lead, List<Actor> actors) {
    SpeakerResolver.Speaker best = null;
    int bestAt = Integer.MAX_VALUE;
    for (ActorType type : List.of(ActorType.PERSON, ActorType.ORG)) {
      for (Actor a : actors) {
        if (a.getType() != type) {
          continue;
        }
        String name = a.getName();
        int at = ArticleScan.wordIndex(lead, name);
        if (at < 0 && type == ActorType.PERSON && name.contains(" ")) {
          at = ArticleScan.wordIndex(lead, name.substring(name.lastIndexOf(' ') + 1));
        }
        if (at >= 0 && at < bestAt) {
          bestAt = at;
          best = new SpeakerResolver.Speaker(name, lead.strip(), null, type);
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  /**
   * Only a named person or organisation labels a quote: "Two questions:" and "Getty/Instagram" do
   * not.
   */
  private static SpeakerResolver.Speaker named(
      String label, int start, int end, SpeakerResolver speakers, List<Actor> actors) {
    // Transcripts set speakers in capitals ("PENCE:"): the person of that surname.
    if (label.equals(label.toUpperCase(Locale.ROOT)) && label.length() > 2) {
      for (Actor a : actors) {
        String name = a.getName();
        if (a.getType() == ActorType.PERSON
            && name.contains(" ")
            && name.substring(name.lastIndexOf(' ') + 1)
                .equalsIgnoreCase(label.substring(label.lastIndexOf(' ') + 1))) {
          return new SpeakerResolver.Speaker(name, label, null, ActorType.PERSON);
        }
      }
    }
    SpeakerResolver.Speaker s = speakers.resolve(label, start, end);
    if (s != null && (s.type() == ActorType.PERSON || s.type() == ActorType.ORG)) {
      return s;
    }
    // "Pence: …" opening the article, before it names him in full: the person of that surname.
    SpeakerResolver.Speaker bySurname = label.contains(" ") ? null : namedIn(label, actors);
    return bySurname != null && bySurname.type() == ActorType.PERSON
        ? new SpeakerResolver.Speaker(bySurname.name(), label, null, ActorType.PERSON)
        : null;
  }

  private static QuoteSpans.Span endingAt(List<QuoteSpans.Span> quotes, int closingMark) {
    for (QuoteSpans.Span q : quotes) {
      if (q.end() == closingMark || (q.end() < closingMark && closingMark - q.end() <= 1)) {
        return q;
      }
    }
    return null;
  }
}
