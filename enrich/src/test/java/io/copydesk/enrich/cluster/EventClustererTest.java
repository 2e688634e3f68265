package io.copydesk.enrich.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.contract.CopydeskConfig;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventClustererTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final ClusterSettings settings = ClusterSettings.from(CopydeskConfig.defaults());

  static ArticleProfile profile(String id, String headline, String body, String... people) {
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < people.length; i++) {
      actors.add(
          Actor.newBuilder()
              .setName(people[i])
              .setType(ActorType.PERSON)
              .setSalience(1.0 - 0.2 * i)
              .build());
    }
    actors.add(
        Actor.newBuilder().setName("Coast City").setType(ActorType.GPE).setSalience(0.3).build());
    RawArticle raw =
        RawArticle.newBuilder()
            .setId(id)
            .setVersion(1)
            .setPubstatus(PubStatus.usable)
            .setSource(Source.newBuilder().setFormat("text").setFile(id).build())
            .setHeadline(headline)
            .setBody(body)
            .setIngestedAt(NOW)
            .setContentSha256(id)
            .setPayloadSha256(id)
            .build();
    return ArticleProfile.of(
        EnrichedArticle.newBuilder()
            .setArticle(raw)
            .setActors(actors)
            .setClaims(List.of())
            .setFigures(List.of())
            .setEnrichedAt(NOW)
            .build());
  }

  /** Unrelated copy so document frequencies mean something, as they would in a running desk. */
  static void background(EventClusterer c) {
    String[] topics = {
      "Council approves budget for schools and roads",
      "Team wins cup final after extra time",
      "Central bank holds interest rates steady",
      "Storm cuts power to thousands of homes",
      "Museum opens exhibition of modern painting",
      "Parliament debates new farming rules"
    };
    for (int i = 0; i < topics.length; i++) {
      c.place(
          profile(
              "bg" + i,
              topics[i],
              topics[i] + ". Officials spoke to reporters about the plans and the schedule."),
          NOW);
    }
  }

  @Test
  void reportsOfOneIncidentJoinAndASimilarIncidentOnAnotherDayIsLessLikelyTheSame() {
    EventClusterer c = new EventClusterer(new InMemoryClusterState(), settings);
    background(c);
    String a =
        c.place(
                profile(
                    "a",
                    "Fire guts harbour warehouse",
                    "A fire gutted a harbour warehouse in Coast City on Sunday. Fire chief Dana Reyes said 40 firefighters fought the blaze.",
                    "Dana Reyes"),
                NOW)
            .articleEventId();
    ArticleProfile same =
        profile(
            "b",
            "Harbour warehouse destroyed by fire",
            "A fire gutted a harbour warehouse in Coast City on Sunday. Chief Dana Reyes said crews fought the blaze.",
            "Dana Reyes");
    ArticleProfile other =
        profile(
            "c",
            "Fire guts harbour warehouse",
            "A fire gutted a harbour warehouse in Coast City on Thursday. Chief Omar Haddad said crews fought the blaze.",
            "Omar Haddad");
    double pSame = probabilityOfJoining(c, same, a);
    double pOther = probabilityOfJoining(c, other, a);
    assertTrue(
        pOther < pSame,
        "another day and another chief make another fire less likely: " + pOther + " vs " + pSame);

    assertEquals(a, c.place(same, NOW).articleEventId());
  }

  static double probabilityOfJoining(EventClusterer c, ArticleProfile p, String eventId) {
    return c.measure(p, NOW).stream()
        .filter(m -> m.eventId().equals(eventId))
        .mapToDouble(m -> JoinModel.builtIn().probability(m.features()))
        .findFirst()
        .orElse(0);
  }

  @Test
  void sameInputOrderGivesTheSameEventIds() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (List<String> out : List.of(first, second)) {
      EventClusterer c = new EventClusterer(new InMemoryClusterState(), settings);
      background(c);
      out.add(
          c.place(
                  profile(
                      "x",
                      "Bridge collapses",
                      "A bridge collapsed in Coast City on Monday.",
                      "Lee Park"),
                  NOW)
              .articleEventId());
      out.add(
          c.place(
                  profile(
                      "y",
                      "Bridge collapse",
                      "The bridge in Coast City collapsed Monday, Lee Park said.",
                      "Lee Park"),
                  NOW)
              .articleEventId());
    }
    assertEquals(first, second);
    assertEquals(
        EventClusterer.eventIdFor("x"),
        first.get(0),
        "an event is named after the article that opened it");
  }

  @Test
  void aRetractionEmptiesAndDeletesAnEventAndANewVersionMovesAnArticle() {
    EventClusterer c = new EventClusterer(new InMemoryClusterState(), settings);
    background(c);
    String quake =
        c.place(
                profile(
                    "q1",
                    "Quake shakes Coast City",
                    "A magnitude 6.1 quake shook Coast City on Tuesday.",
                    "Ana Ruiz"),
                NOW)
            .articleEventId();
    String again =
        c.place(
                profile(
                    "q2",
                    "Coast City quake",
                    "The 6.1 quake in Coast City on Tuesday damaged roads, Ana Ruiz said.",
                    "Ana Ruiz"),
                NOW)
            .articleEventId();
    assertEquals(quake, again);

    // q2 is corrected into a report about something else: it leaves the quake.
    EventClusterer.Change moved =
        c.place(
            profile(
                "q2", "Council approves budget", "Council approves budget for schools and roads."),
            NOW);
    assertNotEquals(quake, moved.articleEventId());
    assertEquals(List.of("q1"), moved.events().get(quake).articleIds());

    EventClusterer.Change gone = c.retract("q1", NOW);
    assertTrue(gone.events().containsKey(quake));
    assertNull(gone.events().get(quake), "an event without articles is deleted");
  }

  @Test
  void filingUnderAKnownEventSkipsScoringAndLeavesTheStateAPlacementWouldLeave() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, settings);
    background(c);
    String quake =
        c.file(
                profile(
                    "k1",
                    "Quake shakes Coast City",
                    "A magnitude 6.1 quake shook Coast City on Tuesday.",
                    "Ana Ruiz"),
                null,
                NOW)
            .articleEventId();
    // Unrelated copy filed under the quake joins it: the caller decided, nothing is scored.
    EventClusterer.Change filed =
        c.file(
            profile("k2", "Team wins cup final", "Team wins cup final after extra time."),
            quake,
            NOW);
    assertEquals(quake, filed.articleEventId());
    assertEquals(List.of("k1", "k2"), state.event(quake).articleIds());
    assertEquals(quake, state.eventOf("k2"));

    // The filed event is indexed like a placed one: a later report of the quake finds and joins it.
    String report =
        c.place(
                profile(
                    "k3",
                    "Coast City quake",
                    "The 6.1 quake in Coast City on Tuesday damaged roads, Ana Ruiz said.",
                    "Ana Ruiz"),
                NOW)
            .articleEventId();
    assertEquals(quake, report);
    assertNotEquals(
        quake,
        c.file(profile("k4", "Storm cuts power", "Storm cuts power to homes."), "ev-unknown", NOW)
            .articleEventId(),
        "an unknown event id opens a new event");
  }

  @Test
  void aQuietEventIsClosedToLaterCopyButStillFoundByCopyOfItsTimeArrivingLate() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, settings);
    background(c);
    String quake =
        c.place(
                profile(
                    "s1",
                    "Quake shakes Coast City",
                    "A magnitude 6.1 quake shook Coast City on Tuesday.",
                    "Ana Ruiz"),
                NOW)
            .articleEventId();
    long closedBefore = c.work().eventsClosed();

    java.time.Instant later = NOW.plus(java.time.Duration.ofDays(settings.quietDays() + 3));
    String weeksLater =
        c.place(
                profile(
                    "s2",
                    "Coast City quake",
                    "The 6.1 quake in Coast City on Tuesday damaged roads, Ana Ruiz said.",
                    "Ana Ruiz"),
                later)
            .articleEventId();
    assertNotEquals(quake, weeksLater, "published after the quiet period: a new event");
    assertTrue(c.work().eventsClosed() > closedBefore, "the quiet event was met and passed over");
    assertTrue(
        CandidateIndex.eventIds(state.postings("a:PERSON:ruiz")).contains(quake),
        "a closed event stays in the index");

    // A report published the day after the first, arriving only now (a backfill behind live copy).
    java.time.Instant dayAfter = NOW.plus(java.time.Duration.ofDays(1));
    String late =
        c.place(
                profile(
                    "s3",
                    "Quake in Coast City",
                    "Tuesday's 6.1 quake in Coast City shook homes, Ana Ruiz said.",
                    "Ana Ruiz"),
                dayAfter)
            .articleEventId();
    assertEquals(
        quake,
        late,
        "copy of the event's own time still finds it, not the event that began weeks after it");
  }

  /** Reports of a fire at the harbour warehouse, told by chief Dana Reyes, in varied words. */
  private static final String[] WAREHOUSE = {
    "Fire gutted the harbour warehouse overnight. Chief Dana Reyes said crews kept the blaze from the docks.",
    "Crews fought the harbour warehouse fire for hours, chief Dana Reyes said, and the docks were closed.",
    "The gutted harbour warehouse stored rope and canvas; chief Dana Reyes said the docks reopen soon.",
    "Dock workers watched the harbour warehouse burn. Chief Dana Reyes praised the crews at the docks."
  };

  /** Reports of another fire, at the paper mill, told by chief Omar Haddad. */
  private static final String[] MILL = {
    "Fire swept through the paper mill by the river. Chief Omar Haddad said the mill workers escaped the blaze.",
    "The paper mill fire sent smoke over the river valley, chief Omar Haddad said; mill workers were evacuated.",
    "Investigators examined the burned paper mill. Chief Omar Haddad said the river pumps fed the hoses.",
    "Mill owners counted the cost of the paper mill fire. Chief Omar Haddad thanked crews from the river towns."
  };

  static ArticleProfile warehouse(int n) {
    return profile(
        "w" + n, "Harbour warehouse fire", WAREHOUSE[(n - 1) % WAREHOUSE.length], "Dana Reyes");
  }

  static ArticleProfile mill(int n) {
    return profile("m" + n, "Paper mill fire", MILL[(n - 1) % MILL.length], "Omar Haddad");
  }

  /**
   * The first report of each fire in one event (filed: as if they had scored high enough); its id.
   */
  private String mixedEvent(InMemoryClusterState state, ClusterSettings s) {
    EventClusterer c = new EventClusterer(state, s);
    background(c);
    String event = c.place(warehouse(1), NOW).articleEventId();
    c.file(mill(1), event, NOW);
    return event;
  }

  @Test
  void anEventWhoseReportsFallApartIntoTwoIncidentsIsSplit() {
    InMemoryClusterState state = new InMemoryClusterState();
    String event = mixedEvent(state, settings);
    EventClusterer c = new EventClusterer(state, settings);
    List<EventClusterer.Split> splits = new ArrayList<>();
    for (int n = 2; n <= 4; n++) {
      for (ArticleProfile p : List.of(warehouse(n), mill(n))) {
        EventClusterer.Change change = c.place(p, NOW);
        splits.addAll(change.splits());
        if (splits.isEmpty()) {
          assertEquals(
              event,
              change.articleEventId(),
              p.id() + " joins the report it resembles, in the mixed event");
        }
      }
    }

    String split = EventClusterer.eventIdFor("m1");
    assertEquals(
        List.of(new EventClusterer.Split(event, split, List.of("m1", "m2", "m3", "m4"))), splits);
    assertEquals(List.of("w1", "w2", "w3", "w4"), state.event(event).articleIds());
    assertEquals(List.of("m1", "m2", "m3", "m4"), state.event(split).articleIds());
    assertEquals(split, state.eventOf("m3"));
    assertTrue(
        CandidateIndex.eventIds(state.postings("a:PERSON:haddad")).contains(split)
            && !CandidateIndex.eventIds(state.postings("a:PERSON:haddad")).contains(event),
        "the index follows the split");
    assertEquals(
        split,
        c.place(mill(5), NOW).articleEventId(),
        "a later report of the mill fire finds its own event");
  }

  @Test
  void anEventOfOneIncidentToldInVariedWordsIsNotSplit() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, settings);
    background(c);
    String event = c.place(warehouse(1), NOW).articleEventId();
    for (int n = 2; n <= 12; n++) {
      EventClusterer.Change change = c.place(warehouse(n), NOW);
      assertEquals(event, change.articleEventId());
      assertTrue(change.splits().isEmpty());
    }
    assertEquals(12, state.event(event).articleIds().size());
  }

  @Test
  void eventsAreCheckedForASplitAtSizesGrowingByAHalfOrAThird() {
    List<Integer> checked = new ArrayList<>();
    for (int size = 1; size <= 100; size++) {
      if (EventSplitter.checkedAt(size, 4)) {
        checked.add(size);
      }
    }
    assertEquals(List.of(8, 12, 16, 24, 32, 48, 64, 96), checked);
  }

  @Test
  void splittingCanBeTurnedOff() {
    ClusterSettings never =
        settings.withSplit(
            new ClusterSettings.Split(
                0, settings.split().minArticles(), settings.split().window()));
    InMemoryClusterState state = new InMemoryClusterState();
    String event = mixedEvent(state, never);
    EventClusterer c = new EventClusterer(state, never);
    for (int n = 2; n <= 4; n++) {
      assertTrue(c.place(warehouse(n), NOW).splits().isEmpty());
      assertTrue(c.place(mill(n), NOW).splits().isEmpty());
    }
    assertEquals(8, state.event(event).articleIds().size());
  }

  @Test
  void anEventRecordsItsVectorLengthsWhenItChanges() {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer c = new EventClusterer(state, settings);
    background(c);
    String quake =
        c.place(
                profile(
                    "n1",
                    "Quake shakes Coast City",
                    "A magnitude 6.1 quake shook Coast City on Tuesday.",
                    "Ana Ruiz"),
                NOW)
            .articleEventId();
    c.place(
        profile(
            "n2",
            "Coast City quake",
            "The 6.1 quake in Coast City on Tuesday damaged roads, Ana Ruiz said.",
            "Ana Ruiz"),
        NOW);
    EventProfile event = state.event(quake);
    assertEquals(List.of("n1", "n2"), event.articleIds());

    // The TF-IDF length from the frequencies in state right after the change, computed directly.
    double logDocuments = Math.log(state.count("#documents") + 2.0);
    double squares = 0;
    for (var term : event.terms().entrySet()) {
      double w =
          (1 + Math.log(term.getValue()))
              * (logDocuments - Math.log(state.count(term.getKey()) + 1.0));
      squares += w * w;
    }
    assertTrue(event.norms().known());
    assertEquals(Math.sqrt(squares), event.norms().terms().lengthAt(logDocuments), 1e-9);
  }

  @Test
  void eventsFromStateWithoutRecordedLengthsAreScoredAlike() {
    // State written before lengths were kept: every event reads back without them.
    ClusterState plain = new WithoutLengths(new InMemoryClusterState());
    List<String> recorded = new ArrayList<>();
    List<String> recomputed = new ArrayList<>();
    for (ClusterState state : List.<ClusterState>of(new InMemoryClusterState(), plain)) {
      EventClusterer c = new EventClusterer(state, settings);
      background(c);
      List<String> out = state == plain ? recomputed : recorded;
      out.add(
          c.place(
                  profile(
                      "o1",
                      "Quake shakes Coast City",
                      "A magnitude 6.1 quake shook Coast City on Tuesday.",
                      "Ana Ruiz"),
                  NOW)
              .articleEventId());
      out.add(
          c.place(
                  profile(
                      "o2",
                      "Coast City quake",
                      "The 6.1 quake in Coast City on Tuesday damaged roads, Ana Ruiz said.",
                      "Ana Ruiz"),
                  NOW)
              .articleEventId());
      out.add(
          c.place(
                  profile(
                      "o3",
                      "Storm cuts power to Coast City",
                      "A storm cut power to thousands of homes in Coast City on Friday."),
                  NOW)
              .articleEventId());
    }
    assertEquals(recorded, recomputed);
    assertEquals(recorded.get(0), recorded.get(1));
    assertNotEquals(recorded.get(0), recorded.get(2));
  }

  @Test
  void specificNumbersAreKeptAndYearsTimesAndSmallCountsAreNot() {
    assertEquals(
        java.util.Set.of("14000", "6.1", "288"),
        ArticleProfile.numbers(
            "A 6.1 quake left 14,000 homeless; 288 candidates, 3 sites, in 2013 at 10:55 GMT."));
  }

  @Test
  void aPersonNamedInFullAndBySurnameIsOnePerson() {
    ArticleProfile full = profile("f", "h", "b", "Sarah Palin");
    ArticleProfile surname = profile("s", "h", "b", "Palin");
    assertEquals(full.actors().keySet(), surname.actors().keySet());
  }

  /** State as written before events kept their vector lengths. */
  private record WithoutLengths(InMemoryClusterState in) implements ClusterState {
    @Override
    public EventProfile event(String eventId) {
      EventProfile e = in.event(eventId);
      return e == null ? null : e.withNorms(Norms.UNKNOWN);
    }

    @Override
    public long count(String key) {
      return in.count(key);
    }

    @Override
    public void putCount(String key, long value) {
      in.putCount(key, value);
    }

    @Override
    public void putEvent(EventProfile event) {
      in.putEvent(event);
    }

    @Override
    public void deleteEvent(String eventId) {
      in.deleteEvent(eventId);
    }

    @Override
    public List<String> postings(String key) {
      return in.postings(key);
    }

    @Override
    public void putPostings(String key, List<String> eventIds) {
      in.putPostings(key, eventIds);
    }

    @Override
    public String eventOf(String articleId) {
      return in.eventOf(articleId);
    }

    @Override
    public void placeArticle(String articleId, String eventId) {
      in.placeArticle(articleId, eventId);
    }

    @Override
    public void forgetArticle(String articleId) {
      in.forgetArticle(articleId);
    }

    @Override
    public ArticleProfile profile(String articleId) {
      return in.profile(articleId);
    }

    @Override
    public void putProfile(ArticleProfile profile) {
      in.putProfile(profile);
    }
  }
}
