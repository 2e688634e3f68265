package io.copydesk.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.RawArticle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture under src/test/resources (the hostile ones aside) through the reader as it arrives:
 * no record may hold a control character other than tab and newline, in any text field.
 */
class EveryFixtureTest {
  private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

  static List<Path> fixtures() throws IOException, URISyntaxException {
    Path root = Path.of(EveryFixtureTest.class.getResource("/samples").toURI()).getParent();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("hostile"))
          .filter(p -> p.toString().matches(".*\\.(xml|json|txt)$"))
          .sorted()
          .toList();
    }
  }

  @Test
  void noRecordHoldsAControlCharacter() throws Exception {
    ArticleReader reader = new ArticleReader(1 << 20);
    List<String> read = new ArrayList<>();
    for (Path file : fixtures()) {
      List<RawArticle> articles;
      try {
        articles =
            reader.read(
                new InputDocument(
                    file.getFileName().toString(), Files.readAllBytes(file), Instant.EPOCH));
      } catch (InputRejectedException e) {
        continue; // refused fixtures (kills that are tested elsewhere, schema failures) write no
        // record
      }
      for (RawArticle a : articles) {
        for (Object field :
            new Object[] {
              a.getId(),
              a.getHeadline(),
              a.getByline(),
              a.getBody(),
              a.getLanguage(),
              a.getSource().getName(),
              a.getSource().getUri()
            }) {
          String text = field == null ? "" : field.toString();
          assertFalse(FORBIDDEN.matcher(text).find(), file + ": control character in " + text);
        }
        read.add(a.getSource().getFormat() + " " + file.getFileName());
        if (System.getProperty("fixtures.print") != null) {
          System.out.println(file.getFileName() + " -> " + a);
        }
      }
    }
    for (String format :
        List.of("nitf", "newsml-1", "iptc7901", "anpa1312", "ninjs", "newsml-g2", "rss", "atom")) {
      assertTrue(
          read.stream().anyMatch(r -> r.startsWith(format + " ")),
          "no fixture read as " + format + ": " + read);
    }
  }
}
