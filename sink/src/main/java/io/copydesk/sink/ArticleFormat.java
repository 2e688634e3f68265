package io.copydesk.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * How article records are encoded in {@code articles/date=…/}: one file format per output folder,
 * chosen by {@code sink.format}. Both encode the same rows ({@link RecordJson#article}), so what an
 * analyst can ask does not depend on the format.
 */
public enum ArticleFormat {
  /** One JSON object per line: readable with any tool, appendable, the default. */
  JSONL("jsonl") {
    @Override
    byte[] encode(List<ObjectNode> rows, ObjectMapper mapper) throws IOException {
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (ObjectNode row : rows) {
        lines.write(mapper.writeValueAsBytes(row));
        lines.write('\n');
      }
      return lines.toByteArray();
    }
  },
  /**
   * Columnar and typed (timestamps as timestamps, nested lists as lists of structs), compressed.
   */
  PARQUET("parquet") {
    @Override
    byte[] encode(List<ObjectNode> rows, ObjectMapper mapper) throws IOException {
      return ParquetArticles.encode(rows);
    }
  };

  private final String extension;

  ArticleFormat(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot; also the value of {@code sink.format}. */
  public String extension() {
    return extension;
  }

  /** The whole content of one article file holding {@code rows}, in order. */
  abstract byte[] encode(List<ObjectNode> rows, ObjectMapper mapper) throws IOException;

  /**
   * Parses {@code sink.format} / {@code --format}; a wrong value is refused with the ones allowed.
   */
  public static ArticleFormat of(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (ArticleFormat f : values()) {
      if (f.extension.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown sink format '" + name + "': use jsonl or parquet");
  }
}
