package io.copydesk.enrich;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.EventProfile;
import io.copydesk.enrich.cluster.Norms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clustering state's values (event and article profiles) as the enrich app stores them: a
 * compact binary form, internal to the app and read only by its own state stores. Placing an
 * article reads dozens of profiles, and with many events in state most of them miss the parsed
 * caches; decoding this form costs a fraction of parsing the JSON the app wrote before, and it is
 * about half the size.
 *
 * <p>Values written before (JSON, which starts with '{') are still read, so an app upgraded in
 * place restores its old changelogs and state; each profile is rewritten in this form the next time
 * it changes. Maps come back in the order they were written, as the JSON reader gave them, so sums
 * over them add alike.
 *
 * <p>Layout, version 1: a version byte, then the record's fields in order; strings are UTF-8 after
 * their length, counts and lengths unsigned varints (collections: size + 1, 0 for null), map values
 * of integers zig-zag varints, doubles and times fixed width (big-endian).
 */
final class ProfileCodec {
  /** The first byte of this form; never '{' or white space, which open the JSON written before. */
  static final byte VERSION = 1;

  /**
   * The JSON written before this form: profiles are maps keyed by words and names, so Jackson's
   * interning of field names is off (it filled its symbol tables with the vocabulary of all
   * events).
   */
  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                  .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                  .build())
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ProfileCodec() {}

  static byte[] event(EventProfile e) {
    Writer w = new Writer(256 + 16 * e.terms().size());
    w.version();
    w.string(e.eventId());
    w.strings(e.articleIds());
    w.ints(e.terms());
    w.doubles(e.actors());
    w.instant(e.lastActive());
    w.strings(e.indexKeys());
    w.ints(e.years());
    w.ints(e.days());
    w.sums(e.norms().terms());
    w.sums(e.norms().actors());
    w.instant(e.firstActive());
    return w.bytes();
  }

  static EventProfile event(byte[] bytes) {
    if (isJson(bytes)) {
      return json(bytes, EventProfile.class);
    }
    Reader r = new Reader(bytes);
    return new EventProfile(
        r.string(),
        r.stringList(),
        r.ints(),
        r.doubles(),
        r.instant(),
        r.stringList(),
        r.ints(),
        r.ints(),
        new Norms(r.sums(), r.sums()),
        r.instant());
  }

  static byte[] article(ArticleProfile a) {
    Writer w = new Writer(128 + 16 * a.terms().size());
    w.version();
    w.string(a.id());
    w.ints(a.terms());
    w.doubles(a.actors());
    w.instant(a.publishedAt());
    w.strings(a.years());
    w.strings(a.days());
    w.strings(a.numbers());
    return w.bytes();
  }

  static ArticleProfile article(byte[] bytes) {
    if (isJson(bytes)) {
      return json(bytes, ArticleProfile.class);
    }
    Reader r = new Reader(bytes);
    return new ArticleProfile(
        r.string(),
        r.ints(),
        r.doubles(),
        r.instant(),
        r.stringSet(),
        r.stringSet(),
        r.stringSet());
  }

  private static boolean isJson(byte[] bytes) {
    return bytes.length > 0 && (bytes[0] == '{' || Character.isWhitespace(bytes[0]));
  }

  private static <T> T json(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Writer {
    private byte[] buf;
    private int n;

    Writer(int capacity) {
      buf = new byte[capacity];
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, n);
    }

    void version() {
      room(1);
      buf[n++] = VERSION;
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    void strings(Collection<String> list) {
      if (list == null) {
        varint(0);
        return;
      }
      varint(list.size() + 1);
      list.forEach(this::string);
    }

    void ints(Map<String, Integer> map) {
      if (map == null) {
        varint(0);
        return;
      }
      varint(map.size() + 1);
      map.forEach(
          (k, v) -> {
            string(k);
            varint((v << 1) ^ (v >> 31));
          });
    }

    void doubles(Map<String, Double> map) {
      if (map == null) {
        varint(0);
        return;
      }
      varint(map.size() + 1);
      map.forEach(
          (k, v) -> {
            string(k);
            fixed(Double.doubleToRawLongBits(v));
          });
    }

    void instant(Instant t) {
      room(1);
      if (t == null) {
        buf[n++] = 0;
        return;
      }
      buf[n++] = 1;
      fixed(t.getEpochSecond());
      varint(t.getNano());
    }

    void sums(Norms.Sums s) {
      fixed(Double.doubleToRawLongBits(s.squares()));
      fixed(Double.doubleToRawLongBits(s.logs()));
      fixed(Double.doubleToRawLongBits(s.logSquares()));
    }

    /** Unsigned: an int's 32 bits, 7 at a time. */
    void varint(int v) {
      room(5);
      while ((v & ~0x7F) != 0) {
        buf[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void fixed(long v) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buf[n++] = (byte) (v >>> shift);
      }
    }

    private void room(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
      }
    }
  }

  private static final class Reader {
    private final byte[] buf;
    private int at;

    Reader(byte[] buf) {
      this.buf = buf;
      if (buf.length == 0 || buf[0] != VERSION) {
        throw new IllegalArgumentException(
            "not a clustering profile of a known form (first byte "
                + (buf.length == 0 ? "missing" : Byte.toString(buf[0]))
                + ")");
      }
      this.at = 1;
    }

    String string() {
      int length = varint();
      String s = new String(buf, at, length, StandardCharsets.UTF_8);
      at += length;
      return s;
    }

    List<String> stringList() {
      int size = varint() - 1;
      if (size < 0) {
        return null;
      }
      List<String> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(string());
      }
      return list;
    }

    Set<String> stringSet() {
      int size = varint() - 1;
      if (size < 0) {
        return null;
      }
      Set<String> set = new HashSet<>(capacity(size));
      for (int i = 0; i < size; i++) {
        set.add(string());
      }
      return set;
    }

    Map<String, Integer> ints() {
      int size = varint() - 1;
      if (size < 0) {
        return null;
      }
      Map<String, Integer> map = new LinkedHashMap<>(capacity(size));
      for (int i = 0; i < size; i++) {
        String k = string();
        int z = varint();
        map.put(k, (z >>> 1) ^ -(z & 1));
      }
      return map;
    }

    Map<String, Double> doubles() {
      int size = varint() - 1;
      if (size < 0) {
        return null;
      }
      Map<String, Double> map = new LinkedHashMap<>(capacity(size));
      for (int i = 0; i < size; i++) {
        String k = string();
        map.put(k, Double.longBitsToDouble(fixed()));
      }
      return map;
    }

    Instant instant() {
      if (buf[at++] == 0) {
        return null;
      }
      long seconds = fixed();
      return Instant.ofEpochSecond(seconds, varint());
    }

    Norms.Sums sums() {
      return new Norms.Sums(
          Double.longBitsToDouble(fixed()),
          Double.longBitsToDouble(fixed()),
          Double.longBitsToDouble(fixed()));
    }

    int varint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[at++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }

    long fixed() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[at++] & 0xFF);
      }
      return v;
    }

    /** A hash map's capacity for this many entries without a resize. */
    private static int capacity(int size) {
      return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }
  }
}
