package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.schema.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The seeds through the reader, checked against the shared reference labels (headline, byline and
 * the boilerplate that must go). The labels live beside the repository, not in it; where they are
 * absent the test is skipped.
 */
class SeedCleaningTest {
  private static final Path SEEDS = Path.of("..", "seeds");
  private static final Path GOLD = Path.of("..", "..", "shared", "gold", "seeds.json");

  @Test
  void seedsComeOutWithTheReferenceHeadlinesBylinesAndNoBoilerplate() throws Exception {
    Assumptions.assumeTrue(
        Files.exists(GOLD), "reference labels not found at " + GOLD.toAbsolutePath());
    JsonNode gold = new ObjectMapper().readTree(GOLD.toFile()).get("articles");
    ArticleReader reader = new ArticleReader(2_000_000);
    int checked = 0;
    for (Map.Entry<String, JsonNode> e : gold.properties()) {
      Path file = SEEDS.resolve(e.getKey() + ".txt");
      RawArticle a =
          reader
              .read(
                  new InputDocument(
                      file.getFileName().toString(), Files.readAllBytes(file), Instant.EPOCH))
              .get(0);
      JsonNode labels = e.getValue();
      assertEquals(text(labels.get("headline")), a.getHeadline(), e.getKey() + " headline");
      assertEquals(text(labels.get("byline")), a.getByline(), e.getKey() + " byline");
      for (JsonNode forbidden : labels.path("body_must_not_contain")) {
        assertFalse(
            a.getBody().contains(forbidden.asText()),
            e.getKey() + " body still contains " + forbidden);
      }
      checked++;
    }
    assertEquals(5, checked);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
