package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copydesk.enrich.actors.ActorExtractor;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.Claim;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the real NER and actor layer, then only the patterns under test, on sentences written for
 * the tests.
 */
final class PatternTable {
  private static final ActorExtractor ACTORS = new ActorExtractor(KnowledgeBase.load());

  private PatternTable() {}

  static List<Claim> read(String body, AttributionPattern... patterns) {
    AnnotatedText text = CoreNlpEngine.shared().annotate(body);
    return new ClaimExtractor(List.of(patterns)).extract(text, ACTORS.extract(null, text));
  }

  /** The one claim with exactly this text, with this speaker; returns it for further checks. */
  static Claim assertReads(
      String body, String speaker, String text, AttributionPattern... patterns) {
    List<Claim> claims = read(body, patterns);
    List<Claim> matching =
        claims.stream().filter(c -> c.getText().equals(text)).collect(Collectors.toList());
    assertEquals(1, matching.size(), "one claim reading '" + text + "' in " + summary(claims));
    assertEquals(speaker, matching.get(0).getSpeaker(), summary(claims));
    return matching.get(0);
  }

  static void assertNothing(String body, AttributionPattern... patterns) {
    List<Claim> claims = read(body, patterns);
    assertTrue(claims.isEmpty(), summary(claims));
  }

  static String summary(List<Claim> claims) {
    return claims.stream()
        .map(c -> c.getSpeaker() + " [" + c.getCue() + "/" + c.getKind() + "]: " + c.getText())
        .collect(Collectors.joining(" | ", "[", "]"));
  }
}
