package io.copydesk.tools.bench;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The test driver's stores read and written in their innermost layer, the RocksDB database, in the
 * bytes their serdes make: what the app's processor reads through its record cache, without that
 * cache. The bench's fill writes a million events' worth of keys between two commits; through the
 * record cache every write paid for the cache's sorted index of byte keys and its evictions, a
 * quarter of the fill's time (JFR), for a cache the fill only overflows. Writes are held here, as
 * bytes in a hash map (repeated writes of a key, such as the counts of common words, fold into
 * one), until {@link #flush}, which writes them to RocksDB in one batch per store. Nothing below
 * the record cache is skipped but the changelog, which the timed articles never read.
 *
 * <p>Each store offers only {@code get}, {@code put} and {@code delete}, all the fill needs.
 */
final class BelowCache {
  private final TopologyTestDriver driver;
  private final Map<String, Serde<?>> serdes;
  private final Map<String, Buffered> stores = new LinkedHashMap<>();

  /**
   * @param serdes the serde of each store's values, by store name (keys are strings)
   */
  BelowCache(TopologyTestDriver driver, Map<String, Serde<?>> serdes) {
    this.driver = driver;
    this.serdes = serdes;
  }

  /** The store named {@code name}, its values in its serde's encoding. */
  KeyValueStore<String, ?> store(String name) {
    return stores
        .computeIfAbsent(
            name, n -> new Buffered(n, innermost(driver.getKeyValueStore(n)), serdes.get(n)))
        .view();
  }

  /** Writes what the stores hold back to RocksDB. */
  void flush() {
    stores.values().forEach(Buffered::flush);
  }

  /** One store's writes not yet in RocksDB: a null value is a deletion. */
  private static final class Buffered {
    private static final Serde<String> KEYS = Serdes.String();
    private final String name;
    private final KeyValueStore<Bytes, byte[]> bytes;
    private final Serde<Object> values;
    private final Map<Bytes, byte[]> pending = new HashMap<>();

    @SuppressWarnings("unchecked")
    Buffered(String name, KeyValueStore<Bytes, byte[]> bytes, Serde<?> values) {
      this.name = name;
      this.bytes = bytes;
      this.values = (Serde<Object>) values;
    }

    Object get(Object key) {
      Bytes k = key(key);
      byte[] stored = pending.containsKey(k) ? pending.get(k) : bytes.get(k);
      return stored == null ? null : values.deserializer().deserialize(name, stored);
    }

    void put(Object key, Object value) {
      pending.put(key(key), value == null ? null : values.serializer().serialize(name, value));
    }

    Object delete(Object key) {
      Object old = get(key);
      put(key, null);
      return old;
    }

    void flush() {
      List<KeyValue<Bytes, byte[]>> batch = new ArrayList<>(pending.size());
      pending.forEach((k, v) -> batch.add(KeyValue.pair(k, v)));
      bytes.putAll(batch);
      pending.clear();
    }

    private Bytes key(Object key) {
      return Bytes.wrap(KEYS.serializer().serialize(name, (String) key));
    }

    KeyValueStore<String, ?> view() {
      return (KeyValueStore<String, ?>)
          Proxy.newProxyInstance(
              BelowCache.class.getClassLoader(),
              new Class<?>[] {KeyValueStore.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "get" -> get(args[0]);
                    case "put" -> {
                      put(args[0], args[1]);
                      yield null;
                    }
                    case "delete" -> delete(args[0]);
                    case "name" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "BelowCache(" + name + ")";
                    default ->
                        throw new UnsupportedOperationException(
                            method.getName() + " is not offered below the cache of " + name);
                  });
    }
  }

  /** Unwraps metering, caching and change logging down to the bytes store. */
  @SuppressWarnings("unchecked")
  private static KeyValueStore<Bytes, byte[]> innermost(StateStore store) {
    StateStore s = store;
    while (s instanceof WrappedStateStore<?, ?, ?> wrapped) {
      s = wrapped.wrapped();
    }
    if (!(s instanceof KeyValueStore<?, ?>)) {
      throw new IllegalStateException(store.name() + " is not a key-value store inside: " + s);
    }
    return (KeyValueStore<Bytes, byte[]>) s;
  }
}
