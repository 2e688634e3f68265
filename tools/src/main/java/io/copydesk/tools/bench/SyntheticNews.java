package io.copydesk.tools.bench;

import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Enriched articles about many distinct events, generated without NLP, for measuring clustering
 * alone. Words follow a Zipf distribution over a made-up vocabulary, as words in news do; each
 * event has its own rare words, people, place and numbers, which its reports repeat.
 */
final class SyntheticNews {
  private static final int VOCABULARY = 30_000;
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ren", "tu", "sa", "vor", "ne", "di", "pa", "gul", "e", "ost", "ri", "ba",
    "zen", "hal", "mo", "ti", "ur"
  };
  private static final String[] COUNTRIES = {
    "France", "Brazil", "Kenya", "India", "Japan", "Canada", "Egypt", "Peru"
  };
  private final Random random;
  private final double[] cumulative = new double[VOCABULARY];
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  /** Seconds between two reports: the arrival rate decides how many events are still open. */
  private final double spacing;

  private int articles;

  /** One event: what its reports share. */
  record Event(int id, List<String> words, List<String> people, String place, int number) {}

  /**
   * @param perDay reports per day of publication time
   */
  SyntheticNews(long seed, int perDay) {
    this.random = new Random(seed);
    this.spacing = 86_400.0 / perDay;
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cumulative[i] /= sum;
    }
  }

  Event event(int id) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      words.add(word(2_000 + random.nextInt(VOCABULARY - 2_000))); // rare words name what happened
    }
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      people.add(
          capital(word(random.nextInt(VOCABULARY)))
              + " "
              + capital(word(random.nextInt(VOCABULARY))));
    }
    return new Event(
        id,
        words,
        people,
        capital(word(random.nextInt(VOCABULARY))) + "ville",
        10 + random.nextInt(5_000));
  }

  /** A report of the event: about 200 words, a third of them from the event's own. */
  EnrichedArticle report(Event e) {
    String id = "syn-" + (articles++);
    StringBuilder body = new StringBuilder();
    for (int sentence = 0; sentence < 10; sentence++) {
      body.append(e.people().get(random.nextInt(3)))
          .append(" said in ")
          .append(e.place())
          .append(' ');
      for (int w = 0; w < 16; w++) {
        body.append(w % 3 == 0 ? e.words().get(random.nextInt(e.words().size())) : zipfWord())
            .append(' ');
      }
      body.append(sentence == 2 ? e.number() + " people were affected. " : ". ");
    }
    String headline = capital(e.words().get(0)) + " " + e.words().get(1) + " in " + e.place();
    RawArticle raw =
        RawArticle.newBuilder()
            .setId(id)
            .setVersion(1)
            .setPubstatus(PubStatus.usable)
            .setSource(Source.newBuilder().setFormat("synthetic").setFile(id).build())
            .setHeadline(headline)
            .setBody(body.toString())
            .setIngestedAt(start.plusMillis(Math.round(articles * spacing * 1000)))
            .setContentSha256(id)
            .setPayloadSha256(id)
            .build();
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < e.people().size(); i++) {
      actors.add(actor(e.people().get(i), ActorType.PERSON, 0.6 - 0.15 * i));
    }
    actors.add(actor(e.place(), ActorType.GPE, 0.3));
    actors.add(actor(COUNTRIES[random.nextInt(COUNTRIES.length)], ActorType.GPE, 0.2));
    return EnrichedArticle.newBuilder()
        .setArticle(raw)
        .setActors(actors)
        .setClaims(List.of())
        .setFigures(List.of())
        .setEnrichedAt(raw.getIngestedAt())
        .build();
  }

  private static Actor actor(String name, ActorType type, double salience) {
    return Actor.newBuilder().setName(name).setType(type).setSalience(salience).build();
  }

  private String zipfWord() {
    double x = random.nextDouble();
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return word(i < 0 ? Math.min(VOCABULARY - 1, -i - 1) : i);
  }

  /** A made-up word for a vocabulary rank: the same rank always spells the same word. */
  private static String word(int rank) {
    StringBuilder w = new StringBuilder();
    int n = rank + SYLLABLES.length;
    while (n > 0) {
      w.append(SYLLABLES[n % SYLLABLES.length]);
      n /= SYLLABLES.length;
    }
    return w.toString();
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
