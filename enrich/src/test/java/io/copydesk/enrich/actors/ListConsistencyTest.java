package io.copydesk.enrich.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.actors.ActorExtractor.Found;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Names in one column of a results list or table take one type. */
class ListConsistencyTest {
  private static final String RESULTS =
      "HARBOR CITY 1996-08-31\n\nResults on Sunday:\n\nHarbor City 5 Ridgemont 1\n\n"
          + "Lakeview 2 Stonebridge 3\n\nPortvale 4 Elmwood 0\n\nThe league meets again on Friday.";

  private static Found found(String text, String name, ActorType type) {
    int begin = text.indexOf(name);
    return new Found(
        TextField.body, begin, begin + name.length(), name, type, null, null, false, false);
  }

  private static Map<String, ActorType> typesAfter(String text, List<Found> found) {
    AnnotatedText body = CoreNlpEngine.shared().annotate(text);
    Map<String, ActorType> types = new TreeMap<>();
    for (Found f : ListConsistency.apply(found, body, CommonWords.of(null, body))) {
      types.put(f.surface(), f.type());
    }
    return types;
  }

  @Test
  void theMinorityOfAColumnTakesTheTypeOfMostAndMissedNamesJoinIt() {
    List<Found> found =
        new ArrayList<>(
            List.of(
                found(RESULTS, "HARBOR CITY", ActorType.LOC), // the dateline
                found(RESULTS, "Ridgemont", ActorType.ORG),
                found(RESULTS, "Lakeview", ActorType.ORG),
                found(RESULTS, "Stonebridge", ActorType.PERSON),
                found(RESULTS, "Portvale", ActorType.GPE)));
    int row = RESULTS.indexOf("Harbor City 5");
    found.add(
        new Found(
            TextField.body,
            row,
            row + "Harbor City".length(),
            "Harbor City",
            ActorType.ORG,
            null,
            null,
            false,
            false));
    Map<String, ActorType> types = typesAfter(RESULTS, found);
    assertEquals(ActorType.ORG, types.get("Stonebridge"));
    assertEquals(ActorType.ORG, types.get("Portvale"));
    assertEquals(ActorType.ORG, types.get("Elmwood"), "missed by the NER, found in its column");
    long datelines =
        ListConsistency.apply(
                found,
                CoreNlpEngine.shared().annotate(RESULTS),
                CommonWords.of(null, CoreNlpEngine.shared().annotate(RESULTS)))
            .stream()
            .filter(f -> f.begin() == 0 && f.type() == ActorType.LOC)
            .count();
    assertEquals(1, datelines, "a dateline is no row: its place stays a place");
  }

  @Test
  void withoutAClearMajorityNothingChanges() {
    List<Found> found =
        List.of(
            found(RESULTS, "Ridgemont", ActorType.ORG),
            found(RESULTS, "Lakeview", ActorType.LOC),
            found(RESULTS, "Stonebridge", ActorType.PERSON),
            found(RESULTS, "Portvale", ActorType.GPE));
    Map<String, ActorType> types = typesAfter(RESULTS, found);
    assertEquals(ActorType.LOC, types.get("Lakeview"));
    assertEquals(ActorType.PERSON, types.get("Stonebridge"));
    assertEquals(null, types.get("Elmwood"));
  }

  @Test
  void proseIsNoList() {
    String prose =
        "Ridgemont 5 times asked for help.\nLakeview sent aid.\nStonebridge 2 weeks later did too.";
    List<Found> found =
        List.of(
            found(prose, "Ridgemont", ActorType.ORG),
            found(prose, "Lakeview", ActorType.ORG),
            found(prose, "Stonebridge", ActorType.LOC));
    assertEquals(ActorType.LOC, typesAfter(prose, found).get("Stonebridge"));
  }
}
