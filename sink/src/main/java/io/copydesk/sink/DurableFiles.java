package io.copydesk.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes that survive a crash: data fsynced before it is renamed into place, atomically. */
final class DurableFiles {
  static final String TEMP_SUFFIX = ".tmp";

  /**
   * What the disk may refuse, for tests: a full disk or a read-only file system cannot be had on
   * demand (root ignores permission bits), so tests install a fault that throws the exception the
   * OS would. {@link #NONE} outside tests.
   */
  interface Fault {
    Fault NONE = file -> {};

    /**
     * Called with each file whose bytes went to the OS, before they are forced to disk (where a
     * full disk may also report).
     */
    void beforeSync(Path file) throws IOException;
  }

  static volatile Fault fault = Fault.NONE;

  private DurableFiles() {}

  /** Writes {@code bytes} to {@code target}'s temporary sibling and forces it to disk. */
  static Path writeTemp(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = tempOf(target);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      var buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      fault.beforeSync(temp);
      channel.force(true);
    }
    return temp;
  }

  /** Renames the temporary file into place atomically and makes the rename durable. */
  static void publish(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the output file system cannot rename atomically: " + target.getParent(), e);
    }
    syncDirectory(target.getParent());
  }

  /** Replaces {@code target} atomically with {@code bytes}. */
  static void replace(Path target, byte[] bytes) throws IOException {
    publish(writeTemp(target, bytes), target);
  }

  static Path tempOf(Path target) {
    return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
  }

  /** fsync of the folder, so a rename in it survives a power cut (a no-op where unsupported). */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems and platforms refuse to open folders; the rename is still atomic there.
    }
  }
}
