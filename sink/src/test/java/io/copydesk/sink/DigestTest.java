package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.DisputedFigure;
import io.copydesk.schema.EventClaim;
import io.copydesk.schema.EventFigure;
import io.copydesk.schema.EventSnapshot;
import io.copydesk.schema.SpeakerClaims;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
  private static EventFigure killed(String article, double n, String qualifier, String speaker) {
    return EventFigure.newBuilder()
        .setArticleId(article)
        .setWhat("killed")
        .setValue(n)
        .setQualifier(qualifier)
        .setSpeaker(speaker)
        .build();
  }

  private static EventClaim claim(String article, String text) {
    return EventClaim.newBuilder()
        .setArticleId(article)
        .setText(text)
        .setKind(ClaimKind.indirect)
        .setCue("said")
        .build();
  }

  @Test
  void repeatedFiguresAndClaimsShowOnceWithTheDisputeSideBySide() {
    List<EventFigure> tolls =
        List.of(
            killed("a", 4, null, "militia officials"),
            killed("b", 4, null, "militia officials"),
            killed("c", 7, "at least", "the Observatory"));
    EventSnapshot e =
        EventSnapshot.newBuilder()
            .setEventId("ev-1")
            .setTitle("Strikes | near the border")
            .setArticleIds(List.of("a", "b", "c"))
            .setSources(List.of("wire"))
            .setFirstSeen(Instant.EPOCH)
            .setLastSeen(Instant.EPOCH)
            .setUpdatedAt(Instant.EPOCH)
            .setFigures(tolls)
            .setDisputedFigures(
                List.of(DisputedFigure.newBuilder().setWhat("killed").setValues(tolls).build()))
            .setClaims(
                List.of(
                    SpeakerClaims.newBuilder()
                        .setSpeaker("Kirby")
                        .setClaims(
                            List.of(
                                claim("a", "the strikes hit US facilities"),
                                claim("b", "The strikes hit U.S. facilities"),
                                claim("c", "the action was defensive")))
                        .build()))
            .build();

    String md = Digest.of(e);
    assertEquals(
        "speech",
        new RecordJson(new com.fasterxml.jackson.databind.ObjectMapper())
            .event(e)
            .at("/claims/0/claims/0/attribution")
            .asText(),
        "an event's claim says what its cue attributes (speech by default)");
    assertTrue(
        md.startsWith("# Strikes \\| near the border\n"),
        "a pipe in a title cannot break the page");
    assertTrue(md.contains("| killed | 4 | militia officials | 2 |\n"), md);
    assertTrue(md.contains("| killed | at least 7 | the Observatory | 1 |\n"), md);
    assertEquals(
        1,
        md.split("strikes hit U", -1).length - 1,
        "one claim in two spellings shows once:\n" + md);
    assertTrue(md.contains("- the action was defensive\n"));
  }

  @Test
  void aDisputeSaysWhomItsValuesCount() {
    EventFigure four =
        EventFigure.newBuilder(killed("a", 4, null, "two officers")).setWhom("gunmen").build();
    EventFigure seven =
        EventFigure.newBuilder(killed("b", 7, "at least", "the monitor")).setWhom("gunmen").build();
    EventSnapshot e =
        EventSnapshot.newBuilder()
            .setEventId("ev-2")
            .setTitle("Raid")
            .setArticleIds(List.of("a", "b"))
            .setSources(List.of("wire"))
            .setFirstSeen(Instant.EPOCH)
            .setLastSeen(Instant.EPOCH)
            .setUpdatedAt(Instant.EPOCH)
            .setFigures(List.of(four, seven))
            .setDisputedFigures(
                List.of(
                    DisputedFigure.newBuilder()
                        .setWhat("killed")
                        .setWhom("gunmen")
                        .setValues(List.of(four, seven))
                        .build()))
            .build();
    String md = Digest.of(e);
    assertTrue(
        md.contains("| gunmen killed | 4 | two officers | 1 |\n")
            && md.contains("| gunmen killed | at least 7 | the monitor | 1 |\n"),
        md);
  }

  /**
   * The digest's text clean-up and claim comparison as hand-written loops give exactly what the
   * regular expressions they replace gave, on strings mixing every kind of character they treat
   * differently (Unicode letters, digits, numerals, marks, whitespace inside and outside \\s,
   * surrogate pairs and lone surrogates).
   */
  @Test
  void textAndSameWordsMatchTheRegexesTheyReplace() {
    String[] parts = {
      "a", "Z", "é", "İ", "ß", "ǅ", "ʰ", "中", "٣", "Ⅻ", "½", "7", "\u0301", " ", "\t", "\n",
      "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u001C", "|", "<", ".", "-", "’", "😀", "\uD800",
      "U.S."
    };
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 5000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String s = b.toString();
      assertEquals(
          s.replace("|", "\\|").replace("<", "&lt;").replaceAll("\\s+", " ").strip(),
          Digest.text(s),
          s);
      assertEquals(
          s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", ""),
          Digest.sameWords(s),
          s);
    }
  }
}
