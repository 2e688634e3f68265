package io.copydesk.enrich.nlp;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.ClassifierCombiner;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what the NER model's word function returns for each word. The 3-class model normalises
 * every token with CoreNLP's {@code AmericanizeFunction} (British spellings to American, by regular
 * expressions) before it extracts features, the same words again and again: 2.5 % of enrich's
 * thread in a profile (docs/benchmarks/2026-12-05-seventh.md). The function is pure, so a
 * remembered answer is the same answer; the memo is bounded (cleared when full) and safe for the
 * stream threads that share the pipeline.
 *
 * <p>CoreNLP gives no public way to the classifier behind its NER annotator: the two fields on the
 * way are read by reflection. Should a CoreNLP upgrade move them, {@link #install} finds none and
 * the pipeline runs unchanged, only slower ({@code CoreNlpEngineTest} fails on it).
 */
final class WordFunctionMemo implements Function<String, String> {
  /**
   * Distinct words remembered before the memo starts again: about 16 MB of heap when full (79 bytes
   * a word of 3-10 letters with its string, measured with 188k words).
   */
  static final int CAPACITY = 200_000;

  private final Function<String, String> function;
  private final Map<String, String> memo = new ConcurrentHashMap<>();

  WordFunctionMemo(Function<String, String> function) {
    this.function = function;
  }

  @Override
  public String apply(String word) {
    if (word == null) {
      return function.apply(null);
    }
    String known = memo.get(word);
    if (known == null) {
      known = function.apply(word);
      if (known == null) {
        return null;
      }
      if (memo.size() >= CAPACITY) {
        memo.clear();
      }
      memo.put(word, known);
    }
    return known;
  }

  /**
   * Puts a memo in front of the word function of each classifier behind the pipeline's "ner"
   * annotator. Returns the memos in place (none: nothing found, nothing changed).
   */
  static List<WordFunctionMemo> install(StanfordCoreNLP pipeline) {
    try {
      Annotator annotator = pipeline.pool.get("ner");
      if (!(annotator instanceof NERCombinerAnnotator)) {
        return List.of();
      }
      Object combiner = field(NERCombinerAnnotator.class, "ner").get(annotator);
      if (!(combiner instanceof ClassifierCombiner)) {
        return List.of();
      }
      List<WordFunctionMemo> memos = new ArrayList<>();
      for (Object c : (List<?>) field(ClassifierCombiner.class, "baseClassifiers").get(combiner)) {
        if (c instanceof AbstractSequenceClassifier<?> classifier && classifier.flags != null) {
          Function<String, String> f = classifier.flags.wordFunction;
          if (f instanceof WordFunctionMemo memo) {
            memos.add(memo);
          } else if (f != null) {
            WordFunctionMemo memo = new WordFunctionMemo(f);
            classifier.flags.wordFunction = memo;
            memos.add(memo);
          }
        }
      }
      return List.copyOf(memos);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return List.of();
    }
  }

  /** What the memo holds for a word now, or null. */
  String remembered(String word) {
    return memo.get(word);
  }

  private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }
}
