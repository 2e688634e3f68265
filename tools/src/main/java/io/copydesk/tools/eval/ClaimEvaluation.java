package io.copydesk.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.copydesk.schema.Claim;
import io.copydesk.schema.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores claims and figures against reference labels. A system claim matches a labelled one when
 * its speaker is one of the accepted speakers and its text contains the labelled words (case, white
 * space and quote style aside). Precision counts system claims matching a required or optional
 * labelled claim; recall counts required claims found. A labelled figure is found when a system
 * figure has its value and one of its speakers (none, when the label lists none); a described
 * speaker may be more specific than the label ("Two Iraqi militia officials" for "militia
 * officials").
 */
final class ClaimEvaluation {
  int systemClaims;
  int correctClaims;
  int goldClaims;
  int goldFound;
  int goldFigures;
  int figuresFound;
  final List<String> wrong = new ArrayList<>();
  final List<String> missed = new ArrayList<>();
  final List<String> figuresMissed = new ArrayList<>();

  void add(JsonNode gold, List<Claim> claims, List<Figure> figures) {
    List<JsonNode> labelled = new ArrayList<>();
    gold.path("claims").forEach(labelled::add);
    List<JsonNode> optional = new ArrayList<>();
    gold.path("optional_claims").forEach(optional::add);
    for (JsonNode g : labelled) {
      goldClaims++;
      if (claims.stream().anyMatch(c -> matches(c, g))) {
        goldFound++;
      } else {
        missed.add(g.path("speaker").get(0).asText() + ": " + g.path("contains").asText());
      }
    }
    for (Claim c : claims) {
      systemClaims++;
      if (labelled.stream().anyMatch(g -> matches(c, g))
          || optional.stream().anyMatch(g -> matches(c, g))) {
        correctClaims++;
      } else {
        wrong.add(c.getSpeaker() + " [" + c.getCue() + "]: " + c.getText());
      }
    }
    for (JsonNode f : gold.path("figures")) {
      goldFigures++;
      List<String> speakers = new ArrayList<>();
      f.path("speaker").forEach(s -> speakers.add(s.asText()));
      boolean found =
          figures.stream()
              .anyMatch(
                  x ->
                      x.getValue() == f.path("value").asDouble()
                          && (speakers.isEmpty()
                              ? x.getSpeaker() == null
                              : x.getSpeaker() != null
                                  && speakers.stream()
                                      .anyMatch(
                                          s ->
                                              GoldNames.norm(x.getSpeaker())
                                                      .equals(GoldNames.norm(s))
                                                  || GoldNames.norm(x.getSpeaker())
                                                      .endsWith(" " + GoldNames.norm(s)))));
      if (found) {
        figuresFound++;
      } else {
        figuresMissed.add(
            f.path("what").asText() + " " + f.path("value").asText() + " by " + speakers);
      }
    }
  }

  private static boolean matches(Claim c, JsonNode g) {
    List<String> speakers = new ArrayList<>();
    g.path("speaker").forEach(s -> speakers.add(s.asText()));
    return GoldNames.matchesAny(c.getSpeaker(), speakers)
        && text(c.getText()).contains(text(g.path("contains").asText()));
  }

  private static String text(String s) {
    return GoldNames.norm(s.replaceAll("[\\u201C\\u201D\\u201E\\u00AB\\u00BB]", "\""));
  }

  double precision() {
    return systemClaims == 0 ? 0 : (double) correctClaims / systemClaims;
  }

  double recall() {
    return goldClaims == 0 ? 0 : (double) goldFound / goldClaims;
  }
}
