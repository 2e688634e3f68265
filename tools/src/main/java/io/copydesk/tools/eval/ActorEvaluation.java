package io.copydesk.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.copydesk.schema.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores one article's actors against reference labels. A system actor stands for an accepted
 * spelling when its canonical name, or a surface form it was seen under in this article, is one
 * (the knowledge base may canonicalise "SANA" as "Syrian Arab News Agency"). It is right when it
 * stands for a required or optional actor; a required actor is found when some system actor stands
 * for it; a forbidden name must not be any actor's canonical name.
 */
final class ActorEvaluation {
  int systemActors;
  int correctActors;
  int required;
  int requiredFound;
  int requiredTypeRight;
  final List<String> falsePositives = new ArrayList<>();
  final List<String> missed = new ArrayList<>();
  final List<String> forbiddenFound = new ArrayList<>();

  void add(JsonNode gold, List<Actor> actors) {
    List<List<String>> requiredNames = new ArrayList<>();
    for (JsonNode r : gold.path("required")) {
      List<String> spellings = new ArrayList<>();
      r.path("name").forEach(n -> spellings.add(n.asText()));
      requiredNames.add(spellings);
      required++;
      Actor match = actors.stream().filter(a -> standsFor(a, spellings)).findFirst().orElse(null);
      if (match != null) {
        requiredFound++;
        if (match.getType().name().equals(r.path("type").asText().toUpperCase(Locale.ROOT))) {
          requiredTypeRight++;
        }
      } else {
        missed.add(spellings.get(0));
      }
    }
    List<String> optional = new ArrayList<>();
    gold.path("optional").forEach(n -> optional.add(n.asText()));
    List<String> forbidden = new ArrayList<>();
    gold.path("forbidden").forEach(n -> forbidden.add(n.asText()));
    for (Actor a : actors) {
      systemActors++;
      boolean right =
          requiredNames.stream().anyMatch(s -> standsFor(a, s)) || standsFor(a, optional);
      if (right) {
        correctActors++;
      } else {
        falsePositives.add(a.getName() + " (" + a.getType() + ")");
      }
      if (GoldNames.matchesAny(a.getName(), forbidden)) {
        forbiddenFound.add(a.getName());
      }
    }
  }

  private static boolean standsFor(Actor a, List<String> spellings) {
    return GoldNames.matchesAny(a.getName(), spellings)
        || a.getAliases().stream().anyMatch(alias -> GoldNames.matchesAny(alias, spellings));
  }

  double precision() {
    return systemActors == 0 ? 0 : (double) correctActors / systemActors;
  }

  double recall() {
    return required == 0 ? 0 : (double) requiredFound / required;
  }
}
