package io.copydesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the way in and the pages under docs/ hold the rest, so the build checks that the
 * way through holds: every relative link of the README, CONTRIBUTING.md and docs/ reaches its file
 * and heading, every configuration key is in the operators' key table, and the README stays short.
 */
class DocumentationTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern FENCED =
      Pattern.compile("^```.*?^```", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);
  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:");

  static List<Path> pages() throws IOException {
    List<Path> pages =
        new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /**
   * GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get
   * -1, -2, …
   */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    Matcher heading = HEADING.matcher(FENCED.matcher(markdown).replaceAll(""));
    while (heading.find()) {
      String slug =
          heading
              .group(1)
              .strip()
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}_ -]", "")
              .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      anchors.add(n == 0 ? slug : slug + "-" + n);
    }
    return anchors;
  }

  /** Relative link targets outside code: a link whose text is code ([`file`](file)) counts. */
  static List<String> relativeLinks(String markdown) {
    String prose = INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("code");
    List<String> targets = new ArrayList<>();
    Matcher link = LINK.matcher(prose);
    while (link.find()) {
      if (!SCHEME.matcher(link.group(1)).find()) {
        targets.add(link.group(1));
      }
    }
    return targets;
  }

  @Test
  void everyRelativeLinkReachesItsFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      for (String target : relativeLinks(Files.readString(page, StandardCharsets.UTF_8))) {
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path dest = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(dest)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (hash >= 0) {
          String anchor = target.substring(hash + 1);
          if (!dest.toString().endsWith(".md")
              || !anchors(Files.readString(dest, StandardCharsets.UTF_8)).contains(anchor)) {
            broken.add(page + ": " + target + " (no heading #" + anchor + ")");
          }
        }
      }
    }
    assertTrue(checked > 50, "the pages link to each other: " + checked + " links");
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void everyConfigurationKeyIsInTheKeyTable() throws IOException {
    String operations =
        Files.readString(ROOT.resolve("docs/operations.md"), StandardCharsets.UTF_8);
    int table = operations.indexOf("\n## Configuration keys\n");
    assertTrue(table >= 0, "docs/operations.md has a section for the configuration keys");
    String keys = operations.substring(table);
    Set<String> missing = new TreeSet<>();
    for (String key : CopydeskConfig.defaults().asMap().keySet()) {
      if (!keys.contains("`" + key + "`")) {
        missing.add(key);
      }
    }
    assertEquals(
        Set.of(), missing, "keys docs/operations.md does not list under Configuration keys");
  }

  @Test
  void theReadmeStaysAnEntrance() throws IOException {
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(
        readme.size() <= 250,
        "README.md has " + readme.size() + " lines; move detail to docs/ (at most 250)");
    assertTrue(
        readme.subList(0, 10).stream()
            .anyMatch(l -> l.startsWith("./copydesk run --input seeds --out out --once")),
        "the README opens with the command that runs the pipeline on the seeds");
    assertTrue(
        readme.subList(0, 10).stream().anyMatch(l -> l.startsWith("./mvnw verify")),
        "the README opens with the command that runs the tests");
  }

  @Test
  void anchorsAndLinksAreReadAsGitHubDoes() {
    assertEquals(
        Set.of(
            "clustering-with-many-events-in-state",
            "end-to-end-bench-e2e",
            "end-to-end-bench-e2e-1"),
        anchors(
            "## Clustering with many events in state\n```\n# not a heading\n```\n## End to end: `bench e2e`\n### End to end: bench e2e\n"));
    assertEquals(
        List.of("../Dockerfile", "ops.md#logs"),
        relativeLinks(
            "[`Dockerfile`](../Dockerfile), [logs](ops.md#logs), [site](https://example.org), `[not](a-link.md)`\n"
                + "```\n[nor](this.md)\n```\n"));
  }
}
