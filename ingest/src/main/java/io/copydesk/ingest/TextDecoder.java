package io.copydesk.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns bytes into text the way wire copy arrives:
 *
 * <ol>
 *   <li>a BOM decides (UTF-8, UTF-16 LE/BE);
 *   <li>an XML declaration's {@code encoding} naming a single-byte legacy encoding (ISO-8859-1,
 *       ISO-8859-15, Windows-1252, ...) is followed, except that text which is valid UTF-8 with
 *       non-ASCII characters in it is UTF-8 whatever it declares (an editorial system that
 *       re-encoded the file and kept the declaration), with a warning. ISO-8859-1 is read as its
 *       superset Windows-1252, as browsers do: bytes 0x80-0x9F are curly quotes and dashes in real
 *       copy, never the C1 control characters Latin-1 assigns them;
 *   <li>otherwise strict UTF-8; bytes that are not valid UTF-8 are read as Windows-1252, the usual
 *       legacy newsroom encoding, with a warning.
 * </ol>
 */
final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** How far into the input an XML declaration is looked for. */
  private static final int DECLARATION_WINDOW = 256;

  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Set<String> LATIN_1 = Set.of("ISO-8859-1", "US-ASCII");

  /**
   * The text, the charset it was read with, and a warning for the log when the bytes and the
   * declaration disagree.
   */
  record Decoded(String text, Charset charset, String warning) {}

  private TextDecoder() {}

  static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strictOrFallback(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return strictOrFallback(
          Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return strictOrFallback(
          Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16BE);
    }
    String declared = declaredEncoding(bytes);
    Charset legacy = declared == null ? null : singleByteCharset(declared);
    if (legacy == null) {
      return strictOrFallback(bytes, StandardCharsets.UTF_8);
    }
    String utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8 != null && !isAscii(bytes)) {
      return new Decoded(
          utf8,
          StandardCharsets.UTF_8,
          "declares " + declared + " but is valid UTF-8; read as UTF-8");
    }
    return new Decoded(new String(bytes, legacy), legacy, null);
  }

  /** The encoding named by an XML declaration at the start, or null. */
  static String declaredEncoding(byte[] bytes) {
    String head =
        new String(
            bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The charset for a declared single-byte encoding; null for UTF-8, multi-byte or unknown names
   * (those go the UTF-8 way).
   */
  private static Charset singleByteCharset(String name) {
    try {
      Charset charset = Charset.forName(name);
      if (LATIN_1.contains(charset.name())) {
        return WINDOWS_1252;
      }
      boolean singleByte = charset.newEncoder().maxBytesPerChar() == 1.0f;
      return singleByte && charset.canEncode() ? charset : null;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static Decoded strictOrFallback(byte[] bytes, Charset charset) {
    String text = strict(bytes, charset);
    if (text != null) {
      return new Decoded(text, charset, null);
    }
    return new Decoded(
        new String(bytes, WINDOWS_1252),
        WINDOWS_1252,
        "is not valid " + charset.name() + "; read it as Windows-1252");
  }

  private static String strict(byte[] bytes, Charset charset) {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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
