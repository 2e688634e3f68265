package io.copydesk.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A configured registry serde that remembers its record type and settings, so that both can be
 * checked and logged.
 */
public final class RegistrySerde<T extends SpecificRecord> implements Serde<T> {
  private final Class<T> type;
  private final Map<String, Object> settings;
  private final Serde<T> delegate;

  RegistrySerde(Class<T> type, Map<String, Object> settings, Serde<T> delegate) {
    this.type = type;
    this.settings = Map.copyOf(settings);
    this.delegate = delegate;
  }

  public Class<T> type() {
    return type;
  }

  /** The settings the registry serde was configured with. */
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public Serializer<T> serializer() {
    return delegate.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    return delegate.deserializer();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "registry serde for "
        + type.getSimpleName()
        + " at "
        + settings.get("apicurio.registry.url");
  }
}
