package io.copydesk.enrich.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WordFunctionMemoTest {
  @Test
  void aWordIsWorkedOutOnceAndAnsweredAlikeAfter() {
    AtomicInteger calls = new AtomicInteger();
    WordFunctionMemo memo =
        new WordFunctionMemo(
            w -> {
              calls.incrementAndGet();
              return w.replace("our", "or");
            });
    assertEquals("color", memo.apply("colour"));
    assertEquals("color", memo.apply("colour"));
    assertEquals("Paris", memo.apply("Paris"));
    assertEquals(2, calls.get(), "one call per distinct word");
    assertNull(memo.remembered("flavour"));
  }

  @Test
  void aFullMemoStartsAgainAndStillAnswersRight() {
    AtomicInteger calls = new AtomicInteger();
    WordFunctionMemo memo =
        new WordFunctionMemo(
            w -> {
              calls.incrementAndGet();
              return w.toUpperCase(java.util.Locale.ROOT);
            });
    for (int i = 0; i <= WordFunctionMemo.CAPACITY; i++) {
      assertEquals("W" + i, memo.apply("w" + i));
    }
    assertNull(memo.remembered("w0"), "cleared when it reached its capacity");
    assertEquals("W0", memo.apply("w0"));
    assertEquals(WordFunctionMemo.CAPACITY + 2, calls.get());
  }
}
