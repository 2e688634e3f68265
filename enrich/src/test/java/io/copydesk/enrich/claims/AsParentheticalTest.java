package io.copydesk.enrich.claims;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** "as X said", before, after and inside its content, with sentences written for this test. */
class AsParentheticalTest {
  private static final AsParenthetical PATTERN = new AsParenthetical();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      As Ana Lima noted in May, the bridge is unsafe for trucks.         | Ana Lima | the bridge is unsafe for trucks
      The bridge is unsafe for trucks, as Ana Lima put it.               | Ana Lima | The bridge is unsafe for trucks
      The bridge, as Ana Lima pointed out on Monday, is unsafe for trucks. | Ana Lima | The bridge … is unsafe for trucks
      """)
  void theAsClauseAttributesTheRestOfTheSentence(String body, String speaker, String text) {
    PatternTable.assertReads(body, speaker, text, PATTERN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "The bridge will close this winter, as Ana Lima said it would.",
        "The bridge was built as the city had planned it in the spring."
      })
  void anAsClauseWithAClauseOfItsOwnAttributesNothing(String body) {
    PatternTable.assertNothing(body, PATTERN);
  }
}
