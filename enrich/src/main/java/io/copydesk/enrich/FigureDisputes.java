package io.copydesk.enrich;

import io.copydesk.enrich.claims.CountedGroup;
import io.copydesk.enrich.claims.FigureQualifier;
import io.copydesk.schema.DisputedFigure;
import io.copydesk.schema.EventFigure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where an event's sources disagree on a number. A dispute is one quantity of this event (the same
 * {@code what}, counting the same group: {@link CountedGroup}) for which two different named or
 * described sources give values that cannot both be true ({@link FigureQualifier#agree}: "at least
 * 40" and 42 agree, 4 and "at least 7" do not). Two sources disagree when none of the values one
 * gives agrees with any the other gives, so a source that also gives a count for one district, or
 * an earlier toll, is not set against another over that.
 *
 * <p>Background figures (another, earlier incident; a running total) are no value of this event,
 * and a figure in the reporter's own words has no source to dispute with: both stay in the event's
 * figures and never make a dispute. The dispute lists every attributed value of the quantity.
 */
final class FigureDisputes {
  private FigureDisputes() {}

  static List<DisputedFigure> of(List<EventFigure> figures) {
    Map<List<String>, List<EventFigure>> byQuantity = new LinkedHashMap<>();
    for (EventFigure f : figures) {
      if (f.getBackground() || source(f.getSpeaker()).isEmpty()) {
        continue;
      }
      byQuantity
          .computeIfAbsent(
              List.of(f.getWhat().toLowerCase(Locale.ROOT), CountedGroup.key(f.getWhom())),
              k -> new ArrayList<>())
          .add(f);
    }
    List<DisputedFigure> disputed = new ArrayList<>();
    byQuantity.forEach(
        (quantity, values) -> {
          if (sourcesDisagree(values)) {
            List<EventFigure> sorted = new ArrayList<>(values);
            sorted.sort(Comparator.comparingDouble(EventFigure::getValue));
            String whom =
                quantity.get(1).isEmpty()
                    ? null
                    : values.stream()
                        .map(EventFigure::getWhom)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
            disputed.add(
                DisputedFigure.newBuilder()
                    .setWhat(quantity.get(0))
                    .setWhom(whom)
                    .setValues(sorted)
                    .build());
          }
        });
    return disputed;
  }

  private static boolean sourcesDisagree(List<EventFigure> values) {
    Map<String, List<EventFigure>> bySource = new LinkedHashMap<>();
    values.forEach(
        f -> bySource.computeIfAbsent(source(f.getSpeaker()), k -> new ArrayList<>()).add(f));
    List<List<EventFigure>> sources = new ArrayList<>(bySource.values());
    for (int a = 0; a < sources.size(); a++) {
      for (int b = a + 1; b < sources.size(); b++) {
        if (noneAgree(sources.get(a), sources.get(b))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean noneAgree(List<EventFigure> one, List<EventFigure> other) {
    for (EventFigure x : one) {
      for (EventFigure y : other) {
        if (FigureQualifier.agree(x.getValue(), x.getQualifier(), y.getValue(), y.getQualifier())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * One source however the articles spell it: "Police" and "police", "the Pentagon" and "Pentagon";
   * "" for none.
   */
  static String source(String speaker) {
    if (speaker == null) {
      return "";
    }
    String s = speaker.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return s.startsWith("the ") ? s.substring(4) : s;
  }
}
