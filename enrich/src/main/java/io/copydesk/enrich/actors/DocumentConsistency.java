package io.copydesk.enrich.actors;

import io.copydesk.enrich.actors.ActorExtractor.Found;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.Sentence;
import io.copydesk.enrich.nlp.Token;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One name, one reading per article. The NER labels each occurrence from its own context, so the
 * same name is an organisation in one line, a place in the next and nothing in a third ("Somerset
 * 83 and 174", "Leicestershire beat Somerset"). Within an article a name keeps the type most of its
 * labelled occurrences have, and its other occurrences, written the same way, are mentions too.
 * Knowledge-base actors keep their curated type; a name that the article also writes as a common
 * word ("Reading", "Bury") is not looked for where the NER did not label it.
 */
final class DocumentConsistency {
  private DocumentConsistency() {}

  static List<Found> apply(
      List<Found> found, AnnotatedText headline, AnnotatedText body, CommonWords common) {
    Map<String, EnumMap<ActorType, Integer>> votes = new HashMap<>();
    for (Found f : found) {
      if (countsAsLabel(f)) {
        votes
            .computeIfAbsent(f.surface(), k -> new EnumMap<>(ActorType.class))
            .merge(f.type(), 1, Integer::sum);
      }
    }
    Map<String, ActorType> typeOf = new HashMap<>();
    votes.forEach(
        (surface, counts) -> {
          ActorType best = majority(counts);
          if (best != null) {
            typeOf.put(surface, best);
          }
        });
    List<Found> out = new ArrayList<>(found.size());
    for (Found f : found) {
      ActorType t = countsAsLabel(f) ? typeOf.get(f.surface()) : null;
      out.add(
          t == null || t == f.type()
              ? f
              : new Found(
                  f.field(),
                  f.begin(),
                  f.end(),
                  f.surface(),
                  t,
                  null,
                  f.role(),
                  f.needsConfirmation(),
                  false));
    }
    addUnlabelled(out, headline, TextField.headline, typeOf, votes, common);
    addUnlabelled(out, body, TextField.body, typeOf, votes, common);
    return out;
  }

  /** Mentions the NER labelled on reliable lines, not taken from the knowledge base or implied. */
  private static boolean countsAsLabel(Found f) {
    return f.entry() == null && !f.implied() && !f.needsConfirmation();
  }

  /** The type with more votes than every other, or null on a tie. */
  private static ActorType majority(EnumMap<ActorType, Integer> counts) {
    ActorType best = null;
    int top = 0;
    boolean tie = false;
    for (Map.Entry<ActorType, Integer> e : counts.entrySet()) {
      if (e.getValue() > top) {
        best = e.getKey();
        top = e.getValue();
        tie = false;
      } else if (e.getValue() == top) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  /** Occurrences of labelled names, token for token, where nothing was found. */
  private static void addUnlabelled(
      List<Found> out,
      AnnotatedText text,
      TextField field,
      Map<String, ActorType> typeOf,
      Map<String, EnumMap<ActorType, Integer>> votes,
      CommonWords common) {
    if (text == null || typeOf.isEmpty()) {
      return;
    }
    Map<String, List<String>> byFirstWord = new HashMap<>();
    for (String surface : typeOf.keySet()) {
      if (!common.capitalisedIn(surface)) {
        List<String> words = List.of(surface.split(" "));
        byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(surface);
      }
    }
    for (Sentence sentence : text.sentences()) {
      List<Token> tokens = sentence.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        List<String> candidates = byFirstWord.get(tokens.get(i).word());
        if (candidates == null || !Character.isUpperCase(tokens.get(i).word().codePointAt(0))) {
          continue;
        }
        for (String surface : candidates) {
          int end = i + surface.split(" ").length;
          if (end > tokens.size()) {
            continue;
          }
          int begin = tokens.get(i).begin();
          int stop = tokens.get(end - 1).end();
          if (!text.text().substring(begin, stop).equals(surface)
              || taken(out, field, begin, stop)
              || (end < tokens.size() && partOfName(tokens.get(end)))
              || (i > 0 && partOfName(tokens.get(i - 1)))) {
            continue; // part of a longer name: "North" of "North Korea", "Kim" of "Kim Jong-un"
          }
          out.add(
              new Found(
                  field, begin, stop, surface, typeOf.get(surface), null, null, false, false));
          i = end - 1;
          break;
        }
      }
    }
  }

  private static boolean partOfName(Token t) {
    return t.isEntity() || Character.isUpperCase(t.word().codePointAt(0));
  }

  private static boolean taken(List<Found> found, TextField field, int begin, int end) {
    for (Found f : found) {
      if (f.field() == field && f.begin() < end && begin < f.end()) {
        return true;
      }
    }
    return false;
  }
}
