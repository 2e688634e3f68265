package io.copydesk.tools.bench;

import io.copydesk.app.ToolCommand;
import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.nlp.AnnotatedText;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.enrich.nlp.NlpEngine;
import io.copydesk.schema.RawArticle;
import io.copydesk.tools.ArticleFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code copydesk bench}: measurements on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure Copydesk on this machine.",
    subcommands = {BenchCommand.Nlp.class, BenchCommand.Clusters.class, EndToEndCommand.class})
public final class BenchCommand implements Runnable, ToolCommand {
  @Override
  public void run() {
    System.out.println(
        "choose a benchmark: copydesk bench nlp --help, copydesk bench clusters --help, copydesk bench e2e --help");
  }

  /**
   * The NLP engine alone against the whole enrichment (engine plus actor and claim extraction), on
   * the same articles, one thread (per-core figures), in the same run; warm-up rounds first.
   */
  @Command(
      name = "nlp",
      mixinStandardHelpOptions = true,
      description =
          "Tokens per second per core: bare NLP engine versus the full enricher, same articles, same run.")
  static final class Nlp implements Callable<Integer> {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "DIR",
        description = "Articles to run on (any supported format).")
    Path input;

    @Option(
        names = "--rounds",
        defaultValue = "5",
        description = "Measured passes over the articles (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
        names = "--warmup",
        defaultValue = "2",
        description = "Unmeasured passes first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--compare-pos",
        description = "Also run CoreNLP with pos and lemma: entity-label agreement and speed.")
    boolean comparePos;

    @Override
    public Integer call() throws Exception {
      List<RawArticle> articles =
          ArticleFolder.read(input).stream().map(ArticleFolder.Entry::article).toList();
      NlpEngine engine = CoreNlpEngine.shared();
      NlpEnricher enricher = new NlpEnricher(engine, KnowledgeBase.load());
      long tokens = 0;
      for (RawArticle a : articles) {
        tokens += engine.annotate(a.getBody()).tokenCount();
        if (a.getHeadline() != null) {
          tokens += engine.annotate(a.getHeadline()).tokenCount();
        }
      }
      for (int i = 0; i < warmup; i++) {
        pass(articles, a -> annotateAll(engine, a));
        pass(articles, enricher::enrich);
      }
      List<AnnotatedText[]> annotated = new ArrayList<>();
      for (RawArticle a : articles) {
        annotated.add(
            new AnnotatedText[] {
              a.getHeadline() == null ? null : engine.annotate(a.getHeadline()),
              engine.annotate(a.getBody())
            });
      }
      double bare = 0;
      double full = 0;
      double extraction = 0;
      for (int i = 0; i < rounds; i++) {
        // Interleaved, so drift on a shared machine hits all alike.
        bare += pass(articles, a -> annotateAll(engine, a));
        full += pass(articles, enricher::enrich);
        extraction += pass(annotated, t -> enricher.extract(t[0], t[1]));
      }
      double bareRate = tokens * rounds / bare;
      double fullRate = tokens * rounds / full;
      double extractionRate = tokens * rounds / extraction;
      System.out.printf(
          Locale.ROOT,
          "articles %d, tokens per pass %d, rounds %d (after %d warm-up), 1 thread%n",
          articles.size(),
          tokens,
          rounds,
          warmup);
      System.out.printf(
          Locale.ROOT, "bare NLP engine   %,10.0f tokens/s  (%s)%n", bareRate, engine.describe());
      System.out.printf(
          Locale.ROOT,
          "full enricher     %,10.0f tokens/s  (engine + actors + claims + figures)%n",
          fullRate);
      System.out.printf(
          Locale.ROOT,
          "extractors alone  %,10.0f tokens/s  (actors, claims, figures over annotated text)%n",
          extractionRate);
      System.out.printf(
          Locale.ROOT,
          "extraction cost   %10.1f %% of enrichment time%n",
          100.0 * extraction / (bare + extraction));
      if (comparePos) {
        comparePosAndLemmas(engine, articles, tokens);
      }
      return 0;
    }

    /** Whether pos and lemma change the NER's labels, and what they cost, on the same articles. */
    private void comparePosAndLemmas(NlpEngine plain, List<RawArticle> articles, long tokens) {
      NlpEngine withPos = CoreNlpEngine.withPosAndLemmas();
      long same = 0;
      long total = 0;
      for (RawArticle a : articles) {
        List<io.copydesk.enrich.nlp.Token> x =
            plain.annotate(a.getBody()).sentences().stream()
                .flatMap(s -> s.tokens().stream())
                .toList();
        List<io.copydesk.enrich.nlp.Token> y =
            withPos.annotate(a.getBody()).sentences().stream()
                .flatMap(s -> s.tokens().stream())
                .toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          total++;
          if (x.get(i).entity().equals(y.get(i).entity())) {
            same++;
          }
        }
      }
      for (int i = 0; i < warmup; i++) {
        pass(articles, a -> annotateAll(withPos, a));
      }
      double seconds = 0;
      for (int i = 0; i < rounds; i++) {
        seconds += pass(articles, a -> annotateAll(withPos, a));
      }
      System.out.printf(
          Locale.ROOT,
          "with pos+lemma    %,10.0f tokens/s  (%s); entity labels identical on %d of %d tokens%n",
          tokens * rounds / seconds,
          withPos.describe(),
          same,
          total);
    }

    private static void annotateAll(NlpEngine engine, RawArticle a) {
      engine.annotate(a.getBody());
      if (a.getHeadline() != null) {
        engine.annotate(a.getHeadline());
      }
    }

    /** Seconds for one pass. */
    private static <T> double pass(List<T> articles, java.util.function.Consumer<T> work) {
      long start = System.nanoTime();
      articles.forEach(work);
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** The cost per article of event clustering as events pile up in state. */
  @Command(
      name = "clusters",
      mixinStandardHelpOptions = true,
      description = {
        "Clustering time per article with N events in state (synthetic articles, no NLP).",
        "memory: the clusterer alone; stores: the enrich app's clustering step on its RocksDB state stores."
      })
  static final class Clusters implements Callable<Integer> {
    @Option(
        names = "--events",
        split = ",",
        defaultValue = "10000,100000",
        paramLabel = "N",
        description =
            "Events in state before measuring, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> events;

    @Option(
        names = "--warmup",
        defaultValue = "" + ClusterBench.WARM_UP,
        description =
            "Articles placed untimed after the fill, before the timed ones, at each size (default ${DEFAULT-VALUE}): the JIT compiles the scoring paths and the caches fill as in a running app.")
    int warmUp;

    @Option(
        names = "--measure",
        defaultValue = "" + ClusterBench.TIMED,
        description = "Articles timed after the warm-up (default ${DEFAULT-VALUE}).")
    int measure;

    @Option(
        names = "--state",
        split = ",",
        defaultValue = "memory,stores",
        description = "memory, stores or both (default ${DEFAULT-VALUE}).")
    List<String> states;

    @Option(
        names = "--seed",
        defaultValue = "" + ClusterBench.SEED,
        description = "Seed of the synthetic news (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--per-day",
        defaultValue = "" + ClusterBench.PER_DAY,
        description =
            "Reports per day of publication time (default ${DEFAULT-VALUE}): with cluster.quiet.days this decides how many events are still open.")
    int perDay;

    @Option(
        names = "--reports-per-event",
        defaultValue = "" + ClusterBench.REPORTS_PER_EVENT,
        description =
            "Mean reports per event (default ${DEFAULT-VALUE}): larger events are checked for splits (cluster.split.*).")
    int reportsPerEvent;

    /** How the state is filled before timing. */
    enum Fill {
      direct,
      scored
    }

    @Option(
        names = "--fill",
        defaultValue = "direct",
        description =
            "direct: fill articles are filed under their known events without scoring; scored: placed as the app does (slow beyond 30k events). Default ${DEFAULT-VALUE}.")
    Fill fill;

    @Override
    public Integer call() throws Exception {
      for (String state : states) {
        List<Double> means = new java.util.ArrayList<>();
        List<Double> cpu = new java.util.ArrayList<>();
        for (int n : events) {
          long t0 = System.nanoTime();
          ClusterBench.Options o =
              new ClusterBench.Options(
                  n, warmUp, measure, seed, perDay, reportsPerEvent, fill == Fill.scored);
          ClusterBench.Result r =
              "stores".equals(state) ? ClusterBench.stores(o) : ClusterBench.memory(o);
          means.add(r.mean());
          cpu.add(r.cpuMicros());
          System.out.println(
              r.line()
                  + String.format(
                      Locale.ROOT,
                      "  (%s fill, run %.0f s)",
                      fill,
                      (System.nanoTime() - t0) / 1e9));
        }
        if (means.size() > 1) {
          System.out.printf(
              Locale.ROOT,
              "clusters: %-6s largest change of the mean from %,d events: %+.0f %% (target: within 20 %%)%n",
              state,
              events.get(0),
              100 * ClusterBench.largestChange(means));
          System.out.printf(
              Locale.ROOT,
              "clusters: %-6s largest change of the thread CPU from %,d events: %+.0f %% (the steadier figure on a shared machine)%n",
              state,
              events.get(0),
              100 * ClusterBench.largestChange(cpu));
        }
      }
      return 0;
    }
  }
}
