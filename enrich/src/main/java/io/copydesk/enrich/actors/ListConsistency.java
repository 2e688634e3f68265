package io.copydesk.enrich.actors;

import io.copydesk.enrich.actors.ActorExtractor.Found;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column, one kind of name. Results lines, standings and tables list like things: in "Atlanta 5
 * PITTSBURGH 1 / Los Angeles 2 MONTREAL 1 / Florida 10 ST LOUIS 9" every name is a team, though the
 * NER, reading each line alone, calls some of them places and some people. In a run of at least
 * {@link #MIN_ROWS} rows (lines that begin with a name followed by a number), the names in
 * name-then-number position take the type most of the labelled ones have, when a clear majority
 * ({@link #MAJORITY}) has one, and such names the NER missed become mentions of that type, unless
 * the article also writes one of their words in lower case (a common word, not a name).
 */
final class ListConsistency {
  static final int MIN_ROWS = 3;
  static final double MAJORITY = 0.6;
  private static final String NAME = "\\p{Lu}[\\p{L}\\p{N}.'&-]*(?: \\p{Lu}[\\p{L}\\p{N}.'&-]*)*";

  /** A number after a name, not a date (a dateline "NEW YORK 1996-08-31" is no row). */
  private static final String NUMBER = "(?= \\(?-?\\d)(?! \\d{4}-\\d)";

  private static final Pattern ROW = Pattern.compile("^" + NAME + NUMBER);

  /** A name at the start of a row or after a number, followed by a number. */
  private static final Pattern SLOT = Pattern.compile("(?:^|(?<=\\d\\)? ))(" + NAME + ")" + NUMBER);

  private ListConsistency() {}

  static List<Found> apply(List<Found> found, AnnotatedText body, CommonWords common) {
    if (body == null) {
      return found;
    }
    List<Found> out = new ArrayList<>(found);
    for (List<int[]> rows : rowRuns(body.text())) {
      List<int[]> slots = new ArrayList<>();
      for (int[] row : rows) {
        Matcher m = SLOT.matcher(body.text()).region(row[0], row[1]);
        m.useAnchoringBounds(true);
        while (m.find()) {
          slots.add(new int[] {m.start(1), m.end(1)});
        }
      }
      relabel(out, slots, body.text(), common);
    }
    return out;
  }

  private static void relabel(List<Found> out, List<int[]> slots, String text, CommonWords common) {
    Map<Integer, Integer> labelledAt = new HashMap<>();
    EnumMap<ActorType, Integer> votes = new EnumMap<>(ActorType.class);
    for (int s = 0; s < slots.size(); s++) {
      for (int i = 0; i < out.size(); i++) {
        Found f = out.get(i);
        if (f.field() == TextField.body
            && f.begin() == slots.get(s)[0]
            && f.end() == slots.get(s)[1]
            && !f.implied()) {
          labelledAt.put(s, i);
          votes.merge(kind(f.type()), 1, Integer::sum);
        }
      }
    }
    if (labelledAt.size() < MIN_ROWS) {
      return;
    }
    ActorType top = null;
    for (Map.Entry<ActorType, Integer> e : votes.entrySet()) {
      if (top == null || e.getValue() > votes.get(top)) {
        top = e.getKey();
      }
    }
    if (votes.get(top) < MAJORITY * labelledAt.size()) {
      return;
    }
    for (int s = 0; s < slots.size(); s++) {
      int[] slot = slots.get(s);
      Integer i = labelledAt.get(s);
      if (i != null) {
        Found f = out.get(i);
        if (kind(f.type()) != top) {
          out.set(
              i,
              new Found(
                  f.field(), f.begin(), f.end(), f.surface(), top, null, f.role(), false, false));
        }
      } else if (!overlapsAny(out, slot[0], slot[1])
          && !common.capitalisedIn(text.substring(slot[0], slot[1]))) {
        out.add(
            new Found(
                TextField.body,
                slot[0],
                slot[1],
                text.substring(slot[0], slot[1]),
                top,
                null,
                null,
                false,
                false));
      }
    }
  }

  /** Places vote together: a column of GPEs and LOCs is a column of places. */
  private static ActorType kind(ActorType t) {
    return t == ActorType.GPE ? ActorType.LOC : t;
  }

  /** Runs of consecutive row lines (blank lines between them allowed), as [start, end) offsets. */
  private static List<List<int[]>> rowRuns(String text) {
    List<List<int[]>> runs = new ArrayList<>();
    List<int[]> run = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end);
      if (ROW.matcher(line).find()) {
        run.add(new int[] {start, end});
      } else if (!line.isBlank()) {
        if (run.size() >= MIN_ROWS) {
          runs.add(run);
        }
        run = new ArrayList<>();
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    if (run.size() >= MIN_ROWS) {
      runs.add(run);
    }
    return runs;
  }

  private static boolean overlapsAny(List<Found> found, int begin, int end) {
    for (Found f : found) {
      if (f.field() == TextField.body && f.begin() < end && begin < f.end()) {
        return true;
      }
    }
    return false;
  }
}
