package io.copydesk.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Releases the current schemas: writes each top-level schema that differs from its latest released
 * version as the next {@code v<N>.avsc} under the history folder given as the only argument
 * (normally {@code schemas/src/main/resources}). Run it when a schema change is deliberate; the
 * build's evolution check tells you when.
 */
public final class SchemaFreezer {
  private SchemaFreezer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SchemaFreezer <resources-dir>");
      System.exit(2);
    }
    for (Schema current : Contracts.TOP_LEVEL) {
      List<Schema> released = SchemaHistory.versions(current.getFullName());
      if (!released.isEmpty() && sameSchema(released.get(released.size() - 1), current)) {
        continue;
      }
      Path target =
          Path.of(args[0])
              .resolve(SchemaHistory.resourceName(current.getFullName(), released.size() + 1));
      Files.createDirectories(target.getParent());
      Files.writeString(target, current.toString(true) + "\n", StandardCharsets.UTF_8);
      System.out.println("released " + target);
    }
  }

  /** Same fields, types, defaults and properties (Avro's equality; docs aside). */
  static boolean sameSchema(Schema a, Schema b) {
    return a.equals(b);
  }
}
