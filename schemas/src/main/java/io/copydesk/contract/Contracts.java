package io.copydesk.contract;

import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.RejectedInput;
import io.copydesk.schema.StoryState;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The top-level records that travel on Copydesk's topics or live in its state stores (and so in
 * changelog topics): the ones whose evolution is checked.
 */
public final class Contracts {
  public static final List<Schema> TOP_LEVEL =
      List.of(
          RawArticle.SCHEMA$,
          RejectedInput.SCHEMA$,
          EnrichedArticle.SCHEMA$,
          EventSnapshot.SCHEMA$,
          StoryState.SCHEMA$);

  private Contracts() {}
}
