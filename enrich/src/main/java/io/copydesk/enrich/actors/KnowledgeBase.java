package io.copydesk.enrich.actors;

import io.copydesk.schema.ActorType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Curated knowledge about actors the NER often gets wrong or splits: countries (with demonyms and
 * capitals), government bodies, armed groups, news organisations. Loaded from a TSV resource whose
 * format is documented at the top of {@code knowledge/actors.tsv}: type, canonical name,
 * |-separated aliases, demonyms, capitals.
 */
public final class KnowledgeBase {
  public static final String RESOURCE = "knowledge/actors.tsv";

  /** One known actor. */
  public record Entry(
      ActorType type,
      String name,
      List<String> aliases,
      List<String> demonyms,
      List<String> capitals) {}

  private final Map<String, Entry> byForm = new HashMap<>();
  private final Map<String, Entry> byDemonym = new HashMap<>();
  private final Map<String, Entry> byCapital = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final java.util.TreeSet<String> firstWords = new java.util.TreeSet<>();
  private int longestFormTokens = 1;

  private KnowledgeBase() {}

  public static KnowledgeBase load() {
    try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KnowledgeBase parse(List<String> lines) {
    KnowledgeBase kb = new KnowledgeBase();
    int n = 0;
    for (String line : lines) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 5) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + n + ": expected 5 tab-separated columns, found " + cols.length);
      }
      Entry e =
          new Entry(
              ActorType.valueOf(cols[0].strip()),
              cols[1].strip(),
              list(cols[2]),
              list(cols[3]),
              list(cols[4]));
      kb.add(e);
    }
    return kb;
  }

  private void add(Entry e) {
    entries.add(e);
    index(byForm, e.name(), e);
    e.aliases().forEach(a -> index(byForm, a, e));
    e.demonyms().forEach(d -> byDemonym.putIfAbsent(d, e));
    e.capitals().forEach(c -> byCapital.putIfAbsent(c, e));
  }

  private void index(Map<String, Entry> map, String form, Entry e) {
    map.putIfAbsent(Names.key(form), e);
    List<String> words = Names.tokens(form);
    if (!words.isEmpty()) {
      firstWords.add(words.get(0));
    }
    longestFormTokens = Math.max(longestFormTokens, words.size());
  }

  /**
   * The entry a name or alias refers to (case-sensitive for acronyms, apostrophe- and
   * dot-insensitive).
   */
  public Optional<Entry> lookup(String form) {
    return Optional.ofNullable(byForm.get(Names.key(form)));
  }

  /** The state a demonym ("Iranian") refers to. */
  public Optional<Entry> byDemonym(String word) {
    return Optional.ofNullable(byDemonym.get(word));
  }

  /** The state whose capital this is ("Tehran" for Iran). */
  public Optional<Entry> byCapital(String city) {
    return Optional.ofNullable(byCapital.get(city));
  }

  /**
   * Whether some name or alias could start with this token (its key, or a prefix of a first word:
   * the NLP engine may split "Kata'ib" where the knowledge base does not). A cheap filter before
   * trying spans.
   */
  public boolean mayStartAName(String token) {
    String k = Names.key(token);
    if (k.isEmpty()) {
      return false;
    }
    String next = firstWords.ceiling(k);
    return next != null && next.startsWith(k);
  }

  /** The most tokens any name or alias has: how far a gazetteer match needs to look. */
  public int longestFormTokens() {
    return longestFormTokens;
  }

  public Collection<Entry> entries() {
    return entries;
  }

  private static List<String> list(String column) {
    List<String> values = new ArrayList<>();
    for (String v : column.split("\\|")) {
      if (!v.isBlank()) {
        values.add(v.strip());
      }
    }
    return values;
  }
}
