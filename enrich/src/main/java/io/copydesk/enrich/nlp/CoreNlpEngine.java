package io.copydesk.enrich.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP with the 3-class CRF (PERSON, ORGANIZATION, LOCATION) and only the annotators it
 * needs: tokenize, ssplit, ner. Part-of-speech and lemmas were measured to change no prediction of
 * this model while halving throughput; SUTime, numeric and fine-grained classifiers are off for the
 * same reason. The pipeline loads once per JVM (about 2–3 s) and is shared: annotating is
 * thread-safe.
 */
public final class CoreNlpEngine implements NlpEngine {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpEngine.class);
  static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private static final class Shared {
    static final CoreNlpEngine INSTANCE = new CoreNlpEngine("tokenize,ssplit,ner");
  }

  private final StanfordCoreNLP pipeline;

  private final String annotators;

  /** The memos in front of the NER classifiers' word functions: one with this model. */
  final List<WordFunctionMemo> wordFunctionMemos;

  private CoreNlpEngine(String annotators) {
    long started = System.nanoTime();
    Properties props = properties();
    props.setProperty("annotators", annotators);
    this.annotators = annotators;
    this.pipeline = new StanfordCoreNLP(props);
    this.wordFunctionMemos = WordFunctionMemo.install(pipeline);
    if (wordFunctionMemos.isEmpty()) {
      LOG.warn(
          "CoreNLP: the NER word function is not memoised (CoreNLP changed?); same entities, slower");
    }
    LOG.info("CoreNLP ({}) loaded in {} ms", annotators, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * A separate pipeline that also runs part-of-speech tagging and lemmas: only for the benchmark
   * that measures whether they change this model's entities (they are not used otherwise).
   */
  public static CoreNlpEngine withPosAndLemmas() {
    return new CoreNlpEngine("tokenize,ssplit,pos,lemma,ner");
  }

  /** The one pipeline of this JVM, loaded on first use. */
  public static CoreNlpEngine shared() {
    return Shared.INSTANCE;
  }

  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,ner");
    props.setProperty("tokenize.language", "en");
    // Paragraphs are separated by blank lines: a blank line always ends a sentence.
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("ner.model", MODEL);
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.buildEntityMentions", "false");
    props.setProperty("ner.combinationMode", "NORMAL");
    // ner declares pos and lemma as requirements; this model does not use them.
    props.setProperty("enforceRequirements", "false");
    return props;
  }

  @Override
  public AnnotatedText annotate(String text) {
    if (text == null || text.isBlank()) {
      return AnnotatedText.empty(text);
    }
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<Sentence> sentences = new ArrayList<>();
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<Token> tokens = new ArrayList<>();
      for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
        String ner = t.ner();
        tokens.add(
            new Token(
                t.beginPosition(),
                t.endPosition(),
                t.originalText(),
                ner == null ? Token.NONE : ner));
      }
      sentences.add(
          new Sentence(
              s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
              s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
              tokens));
    }
    return new AnnotatedText(text, sentences);
  }

  @Override
  public String describe() {
    return "CoreNLP 4.5.10 "
        + MODEL.substring(MODEL.lastIndexOf('/') + 1)
        + " ("
        + annotators
        + ")";
  }
}
