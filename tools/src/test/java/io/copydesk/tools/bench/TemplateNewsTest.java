package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.ingest.ArticleReader;
import io.copydesk.ingest.InputDocument;
import io.copydesk.schema.RawArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateNewsTest {
  private static final Pattern NAME = Pattern.compile("\\b([A-Z][a-z]+ [A-Z][a-z]+)\\b");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d{2,}\\b");

  @Test
  void everyReportIsBetween600And900Words() {
    for (TemplateNews.Story s : new TemplateNews(1).stories(300)) {
      assertTrue(
          s.words() >= 600 && s.words() <= 900,
          s.uri() + " v" + s.version() + " has " + s.words() + " words");
    }
  }

  @Test
  void theSameSeedGivesTheSameStoriesAndAnotherSeedOthers() {
    List<TemplateNews.Story> a = new TemplateNews(42).stories(40);
    List<TemplateNews.Story> b = new TemplateNews(42).stories(40);
    List<TemplateNews.Story> c = new TemplateNews(43).stories(40);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).ninjs(), b.get(i).ninjs(), "story " + i);
    }
    assertFalse(a.get(0).body().equals(c.get(0).body()));
  }

  @Test
  void namesNumbersPlacesAndQuotesVary() {
    List<TemplateNews.Story> stories = new TemplateNews(7).stories(200);
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    Set<String> headlines = new HashSet<>();
    int quoted = 0;
    for (TemplateNews.Story s : stories) {
      collect(NAME.matcher(s.body()), names);
      collect(NUMBER.matcher(s.body()), numbers);
      headlines.add(s.headline());
      if (s.body().contains(",\" said ") || s.body().contains(",\" ")) {
        quoted++;
      }
    }
    assertTrue(names.size() > 300, "distinct capitalised name pairs: " + names.size());
    assertTrue(numbers.size() > 300, "distinct numbers: " + numbers.size());
    assertTrue(headlines.size() > 60, "distinct headlines: " + headlines.size());
    assertTrue(quoted > stories.size() * 0.9, "reports with a quote: " + quoted);
  }

  @Test
  void eventsAreReportedSeveralTimesAndSomeStoriesAreUpdated() {
    List<TemplateNews.Story> stories = new TemplateNews(3).stories(300);
    Map<Integer, Integer> perEvent = new HashMap<>();
    stories.forEach(s -> perEvent.merge(s.event(), 1, Integer::sum));
    assertTrue(perEvent.values().stream().allMatch(n -> n >= 1));
    assertTrue(
        perEvent.size() < stories.size() / 2,
        "several reports per event: " + perEvent.size() + " events");
    long updates = stories.stream().filter(s -> s.version() > 1).count();
    assertTrue(updates > 5, "write-thrus: " + updates);
    Set<String> versions = new HashSet<>();
    stories.forEach(
        s -> assertTrue(versions.add(s.uri() + "@" + s.version()), "unique uri and version"));
  }

  @Test
  void ingestReadsTheStoriesAsNinjsWithTheirIdVersionAndTime() throws Exception {
    ArticleReader reader = new ArticleReader(2 * 1024 * 1024);
    for (TemplateNews.Story s : new TemplateNews(5).stories(20)) {
      List<RawArticle> read =
          reader.read(new InputDocument("bench.json", s.ninjs(), Instant.now()));
      assertEquals(1, read.size());
      RawArticle a = read.get(0);
      assertEquals(s.uri(), a.getId());
      assertEquals((long) s.version(), a.getVersion());
      assertEquals(s.headline(), a.getHeadline());
      assertEquals(s.firstCreated(), a.getPublishedAt());
      assertTrue(TemplateNews.words(a.getBody()) >= 600, "the body survives cleaning");
    }
  }

  private static void collect(Matcher m, Set<String> into) {
    while (m.find()) {
      into.add(m.group(1 > m.groupCount() ? 0 : 1));
    }
  }
}
