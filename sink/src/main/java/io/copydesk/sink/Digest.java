package io.copydesk.sink;

import io.copydesk.schema.DisputedFigure;
import io.copydesk.schema.EventActor;
import io.copydesk.schema.EventClaim;
import io.copydesk.schema.EventFigure;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.SpeakerClaims;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The page a person reads about one event, in Markdown: what happened, who is involved, who claims
 * what, and where the sources disagree on the numbers. Meant to be grasped in a minute.
 */
public final class Digest {
  private static final int KEY_ACTORS = 12;
  private static final int CLAIMS_PER_SPEAKER = 4;

  private Digest() {}

  public static String of(EventSnapshot e) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(text(e.getTitle())).append("\n\n");
    md.append("- Event: `").append(e.getEventId()).append("`\n");
    md.append("- Articles: ")
        .append(e.getArticleIds().size())
        .append(" from ")
        .append(text(String.join(", ", e.getSources())))
        .append('\n');
    md.append("- First seen ")
        .append(e.getFirstSeen())
        .append(", last seen ")
        .append(e.getLastSeen())
        .append("\n\n");
    if (!e.getDisputedFigures().isEmpty()) {
      md.append(
          "## Disputed figures\n\n| what | value | according to | articles |\n|---|---|---|---|\n");
      for (DisputedFigure d : e.getDisputedFigures()) {
        // Reports repeating one source's figure are one row, with how many articles give it.
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (EventFigure f : d.getValues()) {
          rows.merge(
              "| "
                  + quantity(d)
                  + " | "
                  + value(f)
                  + " | "
                  + (f.getSpeaker() == null ? "(the reporter)" : text(f.getSpeaker())),
              1,
              Integer::sum);
        }
        rows.forEach((row, n) -> md.append(row).append(" | ").append(n).append(" |\n"));
      }
      md.append('\n');
    }
    if (!e.getActors().isEmpty()) {
      md.append("## Key actors\n\n");
      e.getActors().stream()
          .limit(KEY_ACTORS)
          .forEach(
              a ->
                  md.append("- ")
                      .append(text(a.getName()))
                      .append(" (")
                      .append(a.getType().name().toLowerCase(Locale.ROOT))
                      .append(articles(a))
                      .append(")\n"));
      md.append('\n');
    }
    if (!e.getClaims().isEmpty()) {
      md.append("## Who said what\n\n");
      e.getClaims().stream()
          .sorted(Comparator.comparingInt((SpeakerClaims g) -> g.getClaims().size()).reversed())
          .forEach(
              g -> {
                md.append("**").append(text(g.getSpeaker())).append("**\n\n");
                // Agency copy reprinted by several outlets says the same thing many times: once is
                // enough.
                Map<String, EventClaim> distinct = new LinkedHashMap<>();
                g.getClaims().forEach(c -> distinct.putIfAbsent(sameWords(c.getText()), c));
                distinct.values().stream()
                    .limit(CLAIMS_PER_SPEAKER)
                    .forEach(c -> md.append("- ").append(quote(c)).append('\n'));
                if (distinct.size() > CLAIMS_PER_SPEAKER) {
                  md.append("- … and ")
                      .append(distinct.size() - CLAIMS_PER_SPEAKER)
                      .append(" more\n");
                }
                md.append('\n');
              });
    }
    return md.toString();
  }

  /** What the index lists of an event. */
  public record Summary(
      String eventId, String title, String lastSeen, int articles, boolean disputed) {
    static Summary of(EventSnapshot e) {
      return new Summary(
          e.getEventId(),
          e.getTitle(),
          e.getLastSeen().toString(),
          e.getArticleIds().size(),
          !e.getDisputedFigures().isEmpty());
    }
  }

  /** The index page: every event, most recently active first. */
  public static String index(Collection<Summary> events) {
    StringBuilder md =
        new StringBuilder(
            "# Events\n\n| last seen | event | articles | disputed figures |\n|---|---|---|---|\n");
    events.stream()
        .sorted(Comparator.comparing(Summary::lastSeen).reversed().thenComparing(Summary::eventId))
        .forEach(
            e ->
                md.append("| ")
                    .append(e.lastSeen())
                    .append(" | [")
                    .append(text(e.title()))
                    .append("](")
                    .append(SafeFileNames.of(e.eventId()))
                    .append(".md) | ")
                    .append(e.articles())
                    .append(" | ")
                    .append(e.disputed() ? "yes" : "")
                    .append(" |\n"));
    return md.toString();
  }

  private static String quote(EventClaim c) {
    String t = text(c.getText());
    return switch (c.getKind()) {
      case direct -> "“" + t + "”";
      default -> t;
    };
  }

  private static String articles(EventActor a) {
    int n = a.getArticleIds().size();
    return n > 1 ? ", in " + n + " articles" : "";
  }

  /** "killed", or with whom it counts, "militiamen killed". */
  private static String quantity(DisputedFigure d) {
    return d.getWhom() == null ? text(d.getWhat()) : text(d.getWhom() + " " + d.getWhat());
  }

  private static String value(EventFigure f) {
    double v = f.getValue();
    String number = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    return f.getQualifier() == null ? number : f.getQualifier() + " " + number;
  }

  /**
   * Claims that differ only in case, spacing or punctuation ("US" and "U.S.") are the same claim.
   */
  static String sameWords(String s) {
    // What replaceAll("[^\\p{L}\\p{N}]+", "") keeps, without a regex per claim: every event
    // update writes its digest again, reading each of its claims (the sink's largest cost).
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(lower.length());
    lower.codePoints().filter(Digest::letterOrNumber).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** Regex \\p{L} or \\p{N}: the Unicode letter and number categories. */
  private static boolean letterOrNumber(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** Article text cannot break the page: no table pipes, no line breaks, no raw HTML. */
  static String text(String s) {
    return s == null ? "" : oneSpace(s.replace("|", "\\|").replace("<", "&lt;")).strip();
  }

  /** What replaceAll("\\s+", " ") gives: each run of regex whitespace (\\s) as one space. */
  private static String oneSpace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (!space) {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = space;
    }
    return out.toString();
  }
}
