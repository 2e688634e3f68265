package io.copydesk.enrich;

import io.copydesk.schema.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds articles whose embargo has not passed, in a state store, and releases them when it has
 * (wall-clock punctuation, so a quiet topic still releases on time). A released article is marked
 * ({@link PublicationOrder#released}) so the clustering step takes it at once instead of waiting
 * for ingest's next progress marker. A newer version replaces the held one (held again if it is
 * still under embargo, passed on and the held one dropped if not); a retraction drops it and passes
 * on, so downstream records the kill.
 */
final class EmbargoHold implements Processor<String, RawArticle, String, RawArticle> {
  private final String storeName;
  private final Duration checkInterval;
  private ProcessorContext<String, RawArticle> context;
  private KeyValueStore<String, RawArticle> held;

  EmbargoHold(String storeName, Duration checkInterval) {
    this.storeName = storeName;
    this.checkInterval = checkInterval;
  }

  @Override
  public void init(ProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.held = context.getStateStore(storeName);
    context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
  }

  @Override
  public void process(Record<String, RawArticle> record) {
    RawArticle article = record.value();
    if (article == null) {
      context.forward(record); // ingest's progress marker
    } else if (article.getEmbargoedUntil() != null
        && article.getEmbargoedUntil().toEpochMilli() > context.currentSystemTimeMs()
        && !VersionGate.isRetraction(article)) {
      held.put(record.key(), article);
    } else {
      held.delete(record.key()); // an older held version must not be released after this one
      context.forward(record);
    }
  }

  private void releaseDue(long now) {
    List<KeyValue<String, RawArticle>> due = new ArrayList<>();
    try (KeyValueIterator<String, RawArticle> all = held.all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value.getEmbargoedUntil().toEpochMilli() <= now) {
              due.add(kv);
            }
          });
    }
    for (KeyValue<String, RawArticle> kv : due) {
      held.delete(kv.key);
      context.forward(
          new Record<>(kv.key, kv.value, now, PublicationOrder.released(new RecordHeaders())));
    }
  }
}
