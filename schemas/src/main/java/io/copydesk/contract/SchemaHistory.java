package io.copydesk.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a top-level schema, kept as a resource {@code avro-history/<full
 * name>/v<N>.avsc} (N = 1, 2, ...). Readers register all of them so data written by an older build
 * still decodes; the build checks the current schema against them.
 */
public final class SchemaHistory {
  static final String ROOT = "avro-history/";

  private SchemaHistory() {}

  /** Released versions of the named record, oldest first; empty if none has been frozen yet. */
  public static List<Schema> versions(String fullName) {
    List<Schema> versions = new ArrayList<>();
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    for (int n = 1; ; n++) {
      try (InputStream in = loader.getResourceAsStream(resourceName(fullName, n))) {
        if (in == null) {
          return versions;
        }
        versions.add(
            new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String resourceName(String fullName, int version) {
    return ROOT + fullName + "/v" + version + ".avsc";
  }
}
