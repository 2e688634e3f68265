package io.copydesk.enrich.nlp;

/**
 * The NLP engine behind enrichment: tokens, sentences and named-entity labels. Everything above it
 * (actors, claims, figures) is Copydesk's own code, so the engine can be swapped. Implementations
 * are shared by all stream threads and must be thread-safe.
 */
public interface NlpEngine {
  AnnotatedText annotate(String text);

  /** A short description for logs and benchmark reports. */
  String describe();
}
