package io.copydesk.sink;

import io.copydesk.contract.Sha256;

/**
 * Turns ids from the wire into file names that stay inside their folder on every common file
 * system: only letters, digits, '-', '_' and '.'; no leading dot; bounded length. Ids that needed
 * changing get a hash suffix, so two different ids never share a file.
 */
public final class SafeFileNames {
  private static final int MAX_LENGTH = 120;

  private SafeFileNames() {}

  public static String of(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an id is needed for a file name");
    }
    StringBuilder safe = new StringBuilder(id.length());
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      safe.append(ok ? c : '_');
    }
    String name = safe.toString();
    boolean changed = !name.equals(id) || name.startsWith(".") || name.length() > MAX_LENGTH;
    if (!changed) {
      return name;
    }
    String stem = name.replaceFirst("^\\.+", "_");
    if (stem.length() > MAX_LENGTH - 17) {
      stem = stem.substring(0, MAX_LENGTH - 17);
    }
    return stem + "~" + shortHash(id);
  }

  private static String shortHash(String id) {
    return Sha256.hex(id).substring(0, 16);
  }
}
