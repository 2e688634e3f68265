package io.copydesk.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.EnrichSettings;
import io.copydesk.enrich.StoreClusterState;
import io.copydesk.enrich.cluster.ClusterState;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.EventProfile;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class ClusterBenchTest {
  private static final int EVENTS = 300;
  private static final EnrichSettings SETTINGS = EnrichSettings.from(ClusterBench.storesConfig());

  private static ClusterBench.Options options() {
    return new ClusterBench.Options(
        EVENTS,
        10,
        20,
        ClusterBench.SEED,
        ClusterBench.PER_DAY,
        ClusterBench.REPORTS_PER_EVENT,
        false);
  }

  @Test
  void aFillBelowTheRecordCacheLeavesWhatAFillThroughItLeaves() throws Exception {
    Map<String, Map<String, String>> through = new TreeMap<>();
    Map<String, Map<String, String>> below = new TreeMap<>();
    ClusterBench.stores(options(), false, driver -> through.putAll(contents(driver)));
    ClusterBench.stores(options(), true, driver -> below.putAll(contents(driver)));
    assertFalse(through.get(SETTINGS.clusterStores().events()).isEmpty());
    assertEquals(through, below);
  }

  @Test
  void aFillOfNEventsLeavesNEventsTheirArticlesAndTheirIndexEntries() throws Exception {
    List<String> problems = new ArrayList<>();
    int[] sizes = new int[3];
    ClusterBench.Result r =
        ClusterBench.stores(
            options(),
            true,
            driver -> {
              Map<String, Map<String, String>> stores = contents(driver);
              Map<String, String> events = stores.get(SETTINGS.clusterStores().events());
              sizes[0] = events.size();
              sizes[1] = stores.get(SETTINGS.clusterStores().placements()).size();
              sizes[2] = stores.get(SETTINGS.eventStore()).size();
              ClusterState state =
                  StoreClusterState.over(
                      driver::getKeyValueStore, SETTINGS.clusterStores(), SETTINGS.clusterCaches());
              int articles = 0;
              for (String id : events.keySet()) {
                EventProfile e = state.event(id);
                articles += e.articleIds().size();
                if (e.indexKeys().isEmpty()) {
                  problems.add(id + " is indexed under no key");
                }
                for (String key : e.indexKeys()) {
                  List<String> ids =
                      state.postings(key).stream().map(EventClusterer::eventOfPosting).toList();
                  // Postings keep the latest events: an older one may have been pushed out.
                  if (!ids.contains(id) && ids.size() < SETTINGS.cluster().postings()) {
                    problems.add(id + " missing from the postings of " + key);
                  }
                }
              }
              for (String key : stores.get(SETTINGS.clusterStores().postings()).keySet()) {
                for (String posting : state.postings(key)) {
                  String id = EventClusterer.eventOfPosting(posting);
                  if (!events.containsKey(id)) {
                    problems.add(key + " lists " + id + ", which is not an event");
                  }
                }
              }
              if (articles != sizes[1]) {
                problems.add(articles + " articles in events, " + sizes[1] + " placed");
              }
            });
    assertEquals(List.of(), problems);
    assertEquals(EVENTS, sizes[0]);
    assertEquals(EVENTS, sizes[2], "one snapshot per event");
    assertTrue(sizes[1] > EVENTS, "follow-ups joined their events: " + sizes[1]);
    assertTrue(r.events() >= EVENTS, "the timed articles may open more: " + r.events());
    assertEquals(sizes[1] + 10 + 20, r.articles(), "the fill's, then 10 warm-up and 20 timed");
    assertEquals(20, r.micros().length, "only the timed articles are timed");
  }

  /** Every store's entries, values in a comparable form, read as the app's processor reads them. */
  private static Map<String, Map<String, String>> contents(TopologyTestDriver driver) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (String name : driver.getAllStateStores().keySet()) {
      Map<String, String> entries = new TreeMap<>();
      KeyValueStore<String, Object> store = driver.getKeyValueStore(name);
      try (KeyValueIterator<String, Object> it = store.all()) {
        while (it.hasNext()) {
          KeyValue<String, Object> kv = it.next();
          entries.put(
              kv.key,
              kv.value instanceof byte[] b
                  ? Base64.getEncoder().encodeToString(b)
                  : String.valueOf(kv.value));
        }
      }
      all.put(name, entries);
    }
    return all;
  }
}
