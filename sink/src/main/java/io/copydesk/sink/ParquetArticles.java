package io.copydesk.sink;

import static org.apache.parquet.schema.LogicalTypeAnnotation.listType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Article records as Parquet. The rows are exactly the JSON objects {@link RecordJson#article}
 * makes (the output contract stays in one place); {@link #SCHEMA} gives each of their fields a
 * Parquet type: times become UTC timestamps, nested arrays become Parquet lists of structs, which
 * DuckDB reads as {@code STRUCT(...)[]} and pandas (pyarrow) as lists of dicts, the same shapes
 * both give for the JSON Lines files. Every column is optional, so a missing value in one record is
 * a null, never a write failure that would stall the sink.
 *
 * <p>Hadoop-free: the file is built in memory through Parquet's own {@link OutputFile} and
 * configuration types, and the caller makes it durable like any other output file.
 */
final class ParquetArticles {
  private static final LogicalTypeAnnotation UTC_MILLIS =
      timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS);

  /** The article row, field for field as {@link RecordJson#article} writes it. */
  static final MessageType SCHEMA =
      Types.buildMessage()
          .addField(string("id"))
          .optional(INT64)
          .named("version")
          .addField(string("pubstatus"))
          .addField(
              Types.optionalGroup()
                  .addField(string("name"))
                  .addField(string("file"))
                  .addField(string("uri"))
                  .addField(string("format"))
                  .named("source"))
          .addField(string("headline"))
          .addField(string("byline"))
          .addField(string("body"))
          .addField(string("language"))
          .addField(timestamp("published_at"))
          .addField(timestamp("ingested_at"))
          .addField(timestamp("embargoed_until"))
          .addField(timestamp("enriched_at"))
          .addField(
              list(
                  "actors",
                  Types.optionalGroup()
                      .addField(string("name"))
                      .addField(string("type"))
                      .addField(list("aliases", string("element")))
                      .addField(
                          list(
                              "mentions",
                              Types.optionalGroup()
                                  .addField(string("field"))
                                  .optional(INT32)
                                  .named("start")
                                  .optional(INT32)
                                  .named("end")
                                  .named("element")))
                      .addField(string("role"))
                      .optional(DOUBLE)
                      .named("salience")
                      .named("element")))
          .addField(
              list(
                  "claims",
                  Types.optionalGroup()
                      .addField(string("speaker"))
                      .addField(string("speaker_surface"))
                      .addField(string("source"))
                      .addField(string("cue"))
                      .addField(string("text"))
                      .addField(string("kind"))
                      .addField(string("attribution"))
                      .addField(string("field"))
                      .optional(INT32)
                      .named("start")
                      .optional(INT32)
                      .named("end")
                      .named("element")))
          .addField(
              list(
                  "figures",
                  Types.optionalGroup()
                      .addField(string("what"))
                      .addField(string("whom"))
                      .optional(DOUBLE)
                      .named("value")
                      .addField(string("qualifier"))
                      .addField(string("speaker"))
                      .optional(BOOLEAN)
                      .named("background")
                      .named("element")))
          .addField(string("event_id"))
          .addField(string("content_sha256"))
          .addField(string("payload_sha256"))
          .named("article");

  private ParquetArticles() {}

  /** One Parquet file holding {@code rows} in order, as bytes. */
  static byte[] encode(List<ObjectNode> rows) throws IOException {
    InMemoryFile file = new InMemoryFile();
    try (ParquetWriter<JsonNode> writer =
        new Builder(file)
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCodecFactory(ZstdCodecs.INSTANCE)
            .withCompressionCodec(CompressionCodecName.ZSTD)
            .build()) {
      for (ObjectNode row : rows) {
        writer.write(row);
      }
    }
    return file.bytes.toByteArray();
  }

  private static PrimitiveType string(String name) {
    return Types.optional(BINARY).as(stringType()).named(name);
  }

  private static PrimitiveType timestamp(String name) {
    return Types.optional(INT64).as(UTC_MILLIS).named(name);
  }

  /**
   * The standard three-level list ({@code group (LIST) { repeated group list { element } }}) every
   * reader knows.
   */
  private static GroupType list(String name, Type element) {
    return Types.optionalGroup()
        .as(listType())
        .addField(Types.repeatedGroup().addField(element).named("list"))
        .named(name);
  }

  /**
   * Writes a JSON row by walking the schema: fields the schema lacks are not written (a test keeps
   * both in step).
   */
  private static final class JsonWriteSupport extends WriteSupport<JsonNode> {
    private RecordConsumer out;

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(SCHEMA, Map.of("copydesk.record", "article"));
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      // Only reached when a Hadoop configuration is passed, which this class never does.
      return new WriteContext(SCHEMA, Map.of("copydesk.record", "article"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(JsonNode row) {
      out.startMessage();
      fields(SCHEMA, row);
      out.endMessage();
    }

    private void fields(GroupType type, JsonNode node) {
      for (int i = 0; i < type.getFieldCount(); i++) {
        Type field = type.getType(i);
        JsonNode value = node.get(field.getName());
        if (value == null || value.isNull()) {
          continue; // optional column: absent is null
        }
        out.startField(field.getName(), i);
        value(field, value);
        out.endField(field.getName(), i);
      }
    }

    private void value(Type type, JsonNode value) {
      if (type.isPrimitive()) {
        primitive(type.asPrimitiveType(), value);
        return;
      }
      GroupType group = type.asGroupType();
      out.startGroup();
      if (listType().equals(group.getLogicalTypeAnnotation())) {
        GroupType repeated = group.getType(0).asGroupType();
        Type element = repeated.getType(0);
        if (!value.isEmpty()) {
          out.startField(repeated.getName(), 0);
          for (JsonNode item : value) {
            out.startGroup();
            if (!item.isNull()) {
              out.startField(element.getName(), 0);
              value(element, item);
              out.endField(element.getName(), 0);
            }
            out.endGroup();
          }
          out.endField(repeated.getName(), 0);
        }
      } else {
        fields(group, value);
      }
      out.endGroup();
    }

    private void primitive(PrimitiveType type, JsonNode value) {
      switch (type.getPrimitiveTypeName()) {
        case BINARY -> out.addBinary(Binary.fromString(value.asText()));
        case INT32 -> out.addInteger(value.asInt());
        case DOUBLE -> out.addDouble(value.asDouble());
        case BOOLEAN -> out.addBoolean(value.asBoolean());
        case INT64 ->
            out.addLong(
                UTC_MILLIS.equals(type.getLogicalTypeAnnotation())
                    ? epochMillis(value)
                    : value.asLong());
        default -> throw new IllegalStateException("no JSON mapping for Parquet type " + type);
      }
    }

    private static long epochMillis(JsonNode value) {
      try {
        return Instant.parse(value.asText()).toEpochMilli();
      } catch (DateTimeParseException e) {
        // RecordJson writes Instant.toString(): anything else is a bug in the contract, not bad
        // input.
        throw new IllegalStateException("not an ISO-8601 instant: " + value, e);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<JsonNode, Builder> {
    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<JsonNode> getWriteSupport(ParquetConfiguration conf) {
      return new JsonWriteSupport();
    }

    @Override
    protected WriteSupport<JsonNode> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new JsonWriteSupport();
    }
  }

  /**
   * Zstandard page compression through zstd-jni (already here for Kafka's own compression).
   * Parquet's stock codec factory goes through Hadoop's codec classes, which would bring Hadoop to
   * run time; DuckDB, pyarrow and Spark all read ZSTD pages, and news text compresses about as well
   * with it as with gzip, faster.
   */
  private enum ZstdCodecs implements CompressionCodecFactory {
    INSTANCE;

    private static final int LEVEL =
        3; // zstd's default: nearly all of the ratio, a fraction of the time

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
      if (codec != CompressionCodecName.ZSTD) {
        throw new IllegalArgumentException("only ZSTD pages are written, not " + codec);
      }
      return new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
          return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
        }

        @Override
        public CompressionCodecName getCodecName() {
          return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {}
      };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
      throw new UnsupportedOperationException("the sink writes Parquet and never reads it");
    }

    @Override
    public void release() {}
  }

  /** The Parquet file in memory: files hold at most {@code sink.rotate.records} articles. */
  private static final class InMemoryFile implements OutputFile {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      bytes.reset();
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return bytes.size();
        }

        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
