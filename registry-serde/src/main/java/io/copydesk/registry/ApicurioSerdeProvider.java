package io.copydesk.registry;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.KafkaSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.copydesk.contract.CopydeskConfig;
import io.copydesk.contract.RegistrySerdeProvider;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Apicurio Registry's Avro serdes, set up for the Confluent wire format so that any
 * Confluent-compatible consumer (reading the registry's {@code /apis/ccompat/v7}) can read the
 * topics: the schema id travels in the payload (magic byte, 4-byte id), not in headers, and the id
 * is the content id, which is what the Confluent-compatible API calls the schema id. Schemas are
 * registered under {@code <topic>-value}, the Confluent subject naming.
 */
public final class ApicurioSerdeProvider implements RegistrySerdeProvider {

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type, CopydeskConfig config) {
    Map<String, Object> settings = settings(config);
    AvroSerde<T> serde = new AvroSerde<>();
    serde.configure(settings, false);
    return new RegistrySerde<>(type, settings, serde);
  }

  static Map<String, Object> settings(CopydeskConfig config) {
    RegistrySettings registry = RegistrySettings.from(config);
    return Map.of(
        SchemaResolverConfig.REGISTRY_URL,
        registry.url(),
        SchemaResolverConfig.AUTO_REGISTER_ARTIFACT,
        registry.autoRegister(),
        KafkaSerdeConfig.ENABLE_HEADERS,
        false,
        SerdeConfig.ID_HANDLER,
        Default4ByteIdHandler.class.getName(),
        SerdeConfig.USE_ID,
        "contentId",
        // Read into Copydesk's generated classes, as the single-object serde does.
        AvroSerdeConfig.USE_SPECIFIC_AVRO_READER,
        true);
  }
}
