package io.copydesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which input files have been published, so a batch run over a folder can leave the folder
 * untouched and a rerun adds nothing. One line per file: name, size and modification time, tab
 * separated; appended and fsynced after the Kafka transaction holding the file's records committed.
 */
final class ProcessedLedger {
  private final Path file;
  private final Set<String> seen = new HashSet<>();

  private ProcessedLedger(Path file) {
    this.file = file;
  }

  /** A ledger kept in {@code file}; null keeps it in memory only. */
  static ProcessedLedger open(Path file) {
    ProcessedLedger ledger = new ProcessedLedger(file);
    if (file != null && Files.exists(file)) {
      try {
        // A torn last line (crash mid-append) simply does not match any file: it is re-read.
        ledger.seen.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
          Files.writeString(
              file,
              "\n",
              StandardOpenOption.APPEND,
              StandardOpenOption.SYNC); // close the torn line
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the ingest ledger " + file, e);
      }
    }
    return ledger;
  }

  static String entry(String name, long size, long modifiedMillis) {
    return name.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')
        + "\t"
        + size
        + "\t"
        + modifiedMillis;
  }

  boolean contains(String entry) {
    return seen.contains(entry);
  }

  void addAll(List<String> entries) {
    if (entries.isEmpty()) {
      return;
    }
    seen.addAll(entries);
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(
          file,
          entries,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the ingest ledger " + file, e);
    }
  }
}
