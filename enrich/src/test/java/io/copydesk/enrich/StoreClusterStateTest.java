package io.copydesk.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.copydesk.enrich.cluster.ClusterState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StoreClusterStateTest {
  private static final EnrichSettings.ClusterStores NAMES =
      new EnrichSettings.ClusterStores(
          "counts", "events", "postings", "placements", "profiles", "pending");

  private final Map<String, KeyValueStore<String, ?>> stores = new HashMap<>();

  StoreClusterStateTest() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    add(context, "counts", Serdes.Long());
    add(context, "events", Serdes.ByteArray());
    add(context, "postings", Serdes.String());
    add(context, "placements", Serdes.String());
    add(context, "profiles", Serdes.ByteArray());
  }

  private <V> void add(MockProcessorContext<Object, Object> context, String name, Serde<V> values) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    stores.put(name, store);
  }

  private ClusterState state(int postingsCache) {
    return StoreClusterState.over(
        stores::get, NAMES, new EnrichSettings.ClusterCaches(10, 10, 10, postingsCache));
  }

  @Test
  void postingsReadBackAsWrittenFromTheCacheAndFromTheStore() {
    ClusterState writer = state(10);
    List<String> written = new ArrayList<>(List.of("ev-a 1", "ev-b 2"));
    writer.putPostings("t:harbour", written);
    written.add("ev-c 3"); // the caller's list is not what the cache holds
    assertEquals(List.of("ev-a 1", "ev-b 2"), writer.postings("t:harbour"));

    writer.putPostings("t:harbour", List.of("ev-b 2", "ev-d 4"));
    assertEquals(List.of("ev-b 2", "ev-d 4"), writer.postings("t:harbour"), "written through");
    assertEquals(
        List.of("ev-b 2", "ev-d 4"),
        state(10).postings("t:harbour"),
        "a new instance (a restarted task) reads the store");

    writer.putPostings("t:harbour", List.of());
    assertEquals(List.of(), writer.postings("t:harbour"));
    assertEquals(List.of(), state(10).postings("t:harbour"), "an emptied key is deleted");
  }

  @Test
  void aKeyPushedOutOfASmallCacheIsReadFromTheStoreAgain() {
    ClusterState small = state(2); // one entry per generation
    small.putPostings("a:PERSON:okafor", List.of("ev-a 1"));
    small.putPostings("a:GPE:harbourtown", List.of("ev-b 2"));
    small.putPostings("t:ferry", List.of("ev-c 3"));
    assertEquals(List.of("ev-a 1"), small.postings("a:PERSON:okafor"));
    assertEquals(List.of("ev-b 2"), small.postings("a:GPE:harbourtown"));
    assertEquals(List.of("ev-c 3"), small.postings("t:ferry"));
  }
}
