package io.copydesk.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns bytes into text the way wire copy arrives: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise
 * strict UTF-8; bytes that are not valid UTF-8 are read as Windows-1252, the usual legacy newsroom
 * encoding, and the result says so, so the caller can warn.
 */
final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  record Decoded(String text, Charset charset, boolean fallback) {}

  private TextDecoder() {}

  static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strictOrFallback(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strictOrFallback(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strictOrFallback(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16BE);
    }
    return strictOrFallback(bytes, StandardCharsets.UTF_8);
  }

  private static Decoded strictOrFallback(byte[] bytes, Charset charset) {
    try {
      CharBuffer chars = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return new Decoded(chars.toString(), charset, false);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, true);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
