package io.copydesk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The sample inputs under src/test/resources/samples. */
final class Samples {
  private Samples() {}

  static byte[] bytes(String path) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static InputDocument input(String path) {
    return input(path.substring(path.lastIndexOf('/') + 1), bytes(path));
  }

  static InputDocument input(String name, String text) {
    return input(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static InputDocument input(String name, byte[] bytes) {
    return new InputDocument(name, bytes, Instant.parse("2024-05-14T12:30:00Z"));
  }
}
