package io.copydesk.tools.bench;

import java.lang.reflect.Proxy;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A store of the test driver's topology read and written in its innermost layer, the RocksDB
 * database, in the bytes its serdes make: what the app's processor reads through its record cache,
 * without that cache. The bench's fill writes a million events' worth of keys between two commits;
 * through the record cache every write paid for the cache's sorted index and evictions, a quarter
 * of the fill's time (JFR), for a cache the fill only overflows. Nothing below the cache is skipped
 * but the changelog, which the timed articles never read.
 *
 * <p>Only {@code get}, {@code put} and {@code delete} are offered, all the fill needs.
 */
final class BelowCache {
  private BelowCache() {}

  /** The store named {@code name}, its values in {@code values}' encoding (keys are strings). */
  @SuppressWarnings("unchecked")
  static <V> KeyValueStore<String, V> of(TopologyTestDriver driver, String name, Serde<V> values) {
    KeyValueStore<Bytes, byte[]> bytes = innermost(driver.getKeyValueStore(name));
    Serde<String> keys = Serdes.String();
    return (KeyValueStore<String, V>)
        Proxy.newProxyInstance(
            BelowCache.class.getClassLoader(),
            new Class<?>[] {KeyValueStore.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "get" -> {
                    byte[] stored = bytes.get(key(keys, name, args[0]));
                    yield stored == null ? null : values.deserializer().deserialize(name, stored);
                  }
                  case "put" -> {
                    Bytes key = key(keys, name, args[0]);
                    if (args[1] == null) {
                      bytes.delete(key);
                    } else {
                      bytes.put(key, values.serializer().serialize(name, (V) args[1]));
                    }
                    yield null;
                  }
                  case "delete" -> {
                    byte[] old = bytes.delete(key(keys, name, args[0]));
                    yield old == null ? null : values.deserializer().deserialize(name, old);
                  }
                  case "name" -> name;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "BelowCache(" + name + ")";
                  default ->
                      throw new UnsupportedOperationException(
                          method.getName() + " is not offered below the cache of " + name);
                });
  }

  private static Bytes key(Serde<String> keys, String store, Object key) {
    return Bytes.wrap(keys.serializer().serialize(store, (String) key));
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
