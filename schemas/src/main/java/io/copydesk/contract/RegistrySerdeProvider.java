package io.copydesk.contract;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Value serdes backed by a schema registry, for {@code serde.mode=registry}. Implemented by the
 * {@code registry-serde} module (Apicurio's serdes) and found with {@link java.util.ServiceLoader},
 * so that the modules that only need the default single-object encoding do not carry a registry
 * client and its HTTP stack.
 */
public interface RegistrySerdeProvider {
  <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type, CopydeskConfig config);
}
