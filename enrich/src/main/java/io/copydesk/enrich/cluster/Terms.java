package io.copydesk.enrich.cluster;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Content terms of a text: lower-case words, English function words left out, plurals folded. */
final class Terms {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*\\p{L}|\\d+");
  private static final Set<String> STOP =
      Set.of(
          "the",
          "and",
          "for",
          "that",
          "with",
          "this",
          "from",
          "was",
          "were",
          "are",
          "has",
          "have",
          "had",
          "his",
          "her",
          "its",
          "their",
          "they",
          "them",
          "she",
          "him",
          "who",
          "whom",
          "which",
          "what",
          "when",
          "where",
          "why",
          "how",
          "but",
          "not",
          "been",
          "being",
          "will",
          "would",
          "could",
          "should",
          "can",
          "may",
          "might",
          "must",
          "also",
          "than",
          "then",
          "there",
          "here",
          "into",
          "onto",
          "over",
          "under",
          "about",
          "after",
          "before",
          "during",
          "while",
          "since",
          "until",
          "upon",
          "out",
          "off",
          "all",
          "any",
          "each",
          "few",
          "more",
          "most",
          "other",
          "some",
          "such",
          "only",
          "own",
          "same",
          "too",
          "very",
          "just",
          "our",
          "your",
          "you",
          "said",
          "says",
          "say",
          "told",
          "one",
          "two",
          "new",
          "year",
          "years",
          "last",
          "first",
          "like",
          "did",
          "does",
          "doing",
          "done",
          "get",
          "got",
          "made",
          "make",
          "many",
          "much",
          "now",
          "well",
          "even",
          "these",
          "those",
          "because",
          "through",
          "against",
          "between",
          "both",
          "again",
          "further",
          "once",
          "per",
          "via",
          "including",
          "according",
          "across",
          "around",
          "among",
          "within",
          "without",
          "yet",
          "still",
          "though",
          "week");

  private Terms() {}

  static Map<String, Integer> of(String text, int weight) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null) {
      return counts;
    }
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (w.length() < 3 || STOP.contains(w) || Character.isDigit(w.charAt(0))) {
        continue;
      }
      counts.merge(fold(w), weight, Integer::sum);
    }
    return counts;
  }

  /** "strikes" and "strike" are one term; "news", "crisis" and "his" are left alone. */
  private static String fold(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
