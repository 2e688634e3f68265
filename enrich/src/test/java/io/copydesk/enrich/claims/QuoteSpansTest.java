package io.copydesk.enrich.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Quotation spans in the marks newspapers and wire systems use, in texts written for this test. */
class QuoteSpansTest {
  /** text, the quoted words found (joined by " / "). */
  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("He said “we won” and left.", "we won"),
        Arguments.of("He said \"we won\" and left.", "we won"),
        Arguments.of("He said ``we won'' and left.", "we won"),
        Arguments.of("He said ''we won'' and left.", "we won"),
        Arguments.of("“We won,” he said, ''and we stay.''", "We won, / and we stay."),
        Arguments.of("“We won.\n\n“We stay,” he said.", "We won. / We stay,"),
        Arguments.of("It's the players' day, he said.", ""),
        Arguments.of("Voters wrote in.\n”We won,” one said.", "We won,"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("texts")
  void findsTheQuotedWords(String text, String expected) {
    List<QuoteSpans.Span> spans = QuoteSpans.find(text);
    assertEquals(
        expected,
        spans.stream()
            .map(s -> text.substring(s.start(), s.end()))
            .collect(Collectors.joining(" / ")));
    for (QuoteSpans.Span s : spans) {
      char mark = text.charAt(s.open());
      assertEquals(
          mark == '`' || mark == '\'' ? 2 : 1,
          s.start() - s.open(),
          "the opening mark is one character, or two when doubled");
    }
  }
}
