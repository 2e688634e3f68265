package io.copydesk.tools.eval;

import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterSettings;
import io.copydesk.enrich.cluster.EventClusterer;
import io.copydesk.enrich.cluster.InMemoryClusterState;
import io.copydesk.enrich.cluster.JoinModel;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code copydesk eval fit-clusters}: fits the join model ({@link JoinModel}) on labelled article
 * sets and reports how it does on topics and incidents it did not see.
 *
 * <p>Training pairs come from replaying each set in publication order with every article filed
 * under its gold event: before it is filed, the article is measured against each candidate the
 * index offers, and the pair is positive when the candidate is its gold event. The cross-validation
 * folds are groups of gold events (a topic, an incident), never single pairs, so a weight that only
 * helps the events it saw shows as a loss: for each fold the model is fitted on the other folds,
 * the whole set is clustered online with it, and B-cubed F1 is taken over the fold's articles
 * (among all the others, so look-alike events of other folds can still draw them), averaged over
 * folds.
 */
@Command(
    name = "fit-clusters",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the clustering join model on labelled sets and cross-validate it across topics/incidents.",
      "Example: copydesk eval fit-clusters --set 'ecbplus=../shared/data/ecbplus-dev/articles,../shared/data/ecbplus-dev/gold.json,^(\\d+)'",
      "  --set gvc=../shared/data/gvc-dev/articles,../shared/data/gvc-dev/gold.json --out enrich/src/main/resources/cluster/join-model.properties"
    })
final class FitClustersCommand implements Callable<Integer> {
  /** Probability thresholds cross-validated unless --threshold says otherwise. */
  private static final List<Double> THRESHOLDS = List.of(0.15, 0.2, 0.25, 0.3, 0.4, 0.5);

  @Option(
      names = "--set",
      required = true,
      paramLabel = "NAME=DIR,GOLD[,GROUP]",
      description = {
        "A labelled set: its articles, its gold events and optionally a regular expression whose first group",
        "names the fold group of a gold event (default: the event itself), e.g. ^(\\d+) for ECB+ topics."
      })
  List<String> sets;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--l2",
      defaultValue = "1.0",
      description = "L2 penalty on the weights (default ${DEFAULT-VALUE}).")
  double l2;

  @Mixin ClusterTuning tuning;

  @Option(
      names = "--pair-candidates",
      paramLabel = "N",
      description = {
        "Measure the training pairs against this many candidates per article (default: cluster.candidates, the",
        "number placing scores). More candidates give the model more look-alike events to learn to reject; the",
        "cross-validation still clusters with cluster.candidates."
      })
  Integer pairCandidates;

  @Option(
      names = "--shuffle",
      paramLabel = "SEED",
      split = ",",
      description = {
        "Also cross-validate on random orders drawn from these seeds (copy out of order), comma-separated;",
        "the best setting is then the one with the best mean over the sets of publication-order and shuffled F1."
      })
  List<Long> shuffles = List.of();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the model fitted on all sets here (the resource format).")
  Path out;

  /** One labelled set: its articles, and the fold of each gold event. */
  private record LabelledSet(String name, LabelledProfiles data, Map<String, Integer> foldOf) {
    int fold(ArticleProfile p) {
      String event = data.goldEvent(p);
      return event == null ? -1 : foldOf.get(event);
    }
  }

  /**
   * A measured pair: features, whether the candidate is the article's gold event, the article's
   * fold and set.
   */
  private record Pair(double[] features, boolean same, int fold, String set) {}

  @Override
  public Integer call() throws Exception {
    ClusterSettings settings = tuning.settings();
    if (pairCandidates != null && pairCandidates < 1) {
      throw new IllegalArgumentException(
          "--pair-candidates takes 1 or more, not " + pairCandidates);
    }
    List<Double> thresholds = tuning.thresholds(THRESHOLDS);
    NlpEnricher enricher = new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load());
    List<LabelledSet> labelled = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    for (String spec : sets) {
      LabelledSet set = load(spec, enricher);
      labelled.add(set);
      pairs.addAll(
          replay(set, pairCandidates == null ? settings : settings.withCandidates(pairCandidates)));
      System.out.printf(
          Locale.ROOT,
          "%s: %d articles, %d gold events%n",
          set.name(),
          set.data().profiles().size(),
          set.foldOf().size());
    }
    long positives = pairs.stream().filter(Pair::same).count();
    System.out.printf(Locale.ROOT, "pairs: %d (%d same event)%n", pairs.size(), positives);

    // Cross-validation: fit without fold k, cluster the whole stream online with that model, score
    // fold k's articles among all the others (a look-alike event of another fold can still draw
    // them). In publication order, and in each shuffled order asked for.
    List<Double> merges = tuning.merges(settings);
    int orders = 1 + shuffles.size();
    double[][][][][] f1 =
        new double[labelled.size()][thresholds.size()][merges.size()][orders][folds];
    for (int k = 0; k < folds; k++) {
      int held = k;
      JoinModel model = fit(pairs.stream().filter(p -> p.fold() != held).toList());
      for (int s = 0; s < labelled.size(); s++) {
        LabelledSet set = labelled.get(s);
        Map<String, Integer> foldOfKey = new HashMap<>();
        set.data()
            .profiles()
            .forEach(p -> foldOfKey.put(set.data().keyOf().get(p.id()), set.fold(p)));
        for (int o = 0; o < orders; o++) {
          List<ArticleProfile> ordered = new ArrayList<>(set.data().profiles());
          if (o > 0) {
            Collections.shuffle(ordered, new Random(shuffles.get(o - 1)));
          }
          for (int t = 0; t < thresholds.size(); t++) {
            for (int m = 0; m < merges.size(); m++) {
              Map<String, String> system =
                  set.data()
                      .clusterOnline(
                          ordered,
                          settings
                              .withThreshold(thresholds.get(t))
                              .withMergeThreshold(merges.get(m)),
                          model);
              f1[s][t][m][o][k] =
                  BCubed.score(
                          system,
                          set.data().goldOf(),
                          key -> foldOfKey.getOrDefault(key, -1) == held)
                      .f1();
            }
          }
        }
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
                Locale.ROOT,
                "cross-validation: %d folds of gold-event groups; each set clustered online with the model fitted%n",
                folds)
            + "without a fold, B-cubed F1 of that fold's articles among all the others,\n");
    report.append(
        shuffles.isEmpty()
            ? "mean over folds (min-max), per probability threshold and merge threshold:\n"
            : "mean over folds (min-max) in publication order; then the mean over folds and over the "
                + shuffles.size()
                + " shuffled orders (seeds "
                + String.join(",", shuffles.stream().map(String::valueOf).toList())
                + "),\nper probability threshold and merge threshold:\n");
    int bestT = 0;
    int bestM = 0;
    double bestMean = -1;
    for (int t = 0; t < thresholds.size(); t++) {
      for (int m = 0; m < merges.size(); m++) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "  threshold %.2f merge %.2f:", thresholds.get(t), merges.get(m)));
        double sum = 0;
        for (int s = 0; s < labelled.size(); s++) {
          double[] byFold = f1[s][t][m][0];
          double mean = java.util.Arrays.stream(byFold).average().orElse(0);
          line.append(
              String.format(
                  Locale.ROOT,
                  "  %s %.3f (%.3f-%.3f)",
                  labelled.get(s).name(),
                  mean,
                  java.util.Arrays.stream(byFold).min().orElse(0),
                  java.util.Arrays.stream(byFold).max().orElse(0)));
          if (orders > 1) {
            double shuffled = 0;
            for (int o = 1; o < orders; o++) {
              shuffled += java.util.Arrays.stream(f1[s][t][m][o]).average().orElse(0);
            }
            shuffled /= orders - 1;
            line.append(String.format(Locale.ROOT, " shuffled %.3f", shuffled));
            mean = (mean + shuffled) / 2;
          }
          sum += mean;
        }
        report.append(line).append('\n');
        if (sum > bestMean) {
          bestMean = sum;
          bestT = t;
          bestM = m;
        }
      }
    }
    report.append(
        String.format(
            Locale.ROOT,
            "best mean over the sets at threshold %.2f, merge %.2f%n",
            thresholds.get(bestT),
            merges.get(bestM)));
    JoinModel all = fit(pairs);
    report.append(
        String.format(
            Locale.ROOT,
            "fitted on all %d pairs (%d same event), L2 %.2f%n",
            pairs.size(),
            positives,
            l2));
    System.out.print(report);
    System.out.print(all.toProperties(""));
    if (out != null) {
      String header =
          "Clustering join model: P(same event) = sigmoid(bias + sum of weight x feature), features as in JoinModel.\n"
              + "Fitted "
              + LocalDate.now()
              + " by: copydesk eval fit-clusters "
              + String.join(" ", sets.stream().map(x -> "--set '" + x + "'").toList())
              + " --folds "
              + folds
              + " --l2 "
              + l2
              + (pairCandidates == null ? "" : " --pair-candidates " + pairCandidates)
              + (tuning.merges == null
                  ? ""
                  : " --merge "
                      + String.join(",", tuning.merges.stream().map(String::valueOf).toList()))
              + (shuffles.isEmpty()
                  ? ""
                  : " --shuffle "
                      + String.join(",", shuffles.stream().map(String::valueOf).toList()))
              + "\n"
              + report
              + "Use with cluster.threshold="
              + thresholds.get(bestT)
              + ", cluster.merge.threshold="
              + merges.get(bestM)
              + " and cluster.candidates="
              + settings.candidates()
              + " (the cross-validation's)";
      Files.writeString(out, all.toProperties(header));
      System.out.println("written: " + out);
    }
    return 0;
  }

  private LabelledSet load(String spec, NlpEnricher enricher) throws Exception {
    int eq = spec.indexOf('=');
    String[] parts = spec.substring(eq + 1).split(",", 3);
    if (eq <= 0 || parts.length < 2) {
      throw new IllegalArgumentException("--set takes NAME=DIR,GOLD[,GROUP], not " + spec);
    }
    LabelledProfiles data = LabelledProfiles.load(Path.of(parts[0]), Path.of(parts[1]), enricher);
    Pattern group = parts.length == 3 ? Pattern.compile(parts[2]) : null;
    Map<String, Integer> foldOf = new LinkedHashMap<>();
    for (String event : data.goldOf().values()) {
      String g = event;
      if (group != null) {
        Matcher m = group.matcher(event);
        g = m.find() && m.groupCount() >= 1 ? m.group(1) : event;
      }
      foldOf.put(event, Math.floorMod(g.hashCode(), folds));
    }
    return new LabelledSet(spec.substring(0, eq), data, foldOf);
  }

  /**
   * Files every article under its gold event, in publication order, measuring it against the
   * candidates first.
   */
  private static List<Pair> replay(LabelledSet set, ClusterSettings settings) {
    InMemoryClusterState state = new InMemoryClusterState();
    EventClusterer clusterer = new EventClusterer(state, settings, JoinModel.builtIn());
    Map<String, String> eventOfGold = new HashMap<>();
    List<Pair> pairs = new ArrayList<>();
    for (ArticleProfile p : set.data().profiles()) {
      String gold = set.data().goldEvent(p);
      if (gold == null) {
        continue;
      }
      String target = eventOfGold.get(gold);
      for (EventClusterer.Measured m : clusterer.measure(p, Instant.EPOCH)) {
        pairs.add(new Pair(m.features(), m.eventId().equals(target), set.fold(p), set.name()));
      }
      // Filing under an event the index no longer offers (closed) still files it there: the gold
      // says so.
      eventOfGold.put(gold, clusterer.file(p, target, Instant.EPOCH).articleEventId());
    }
    return pairs;
  }

  /** Each set weighs the same in the fit, however many pairs it has: none of them is the news. */
  private JoinModel fit(List<Pair> pairs) {
    Map<String, Long> perSet = new HashMap<>();
    pairs.forEach(p -> perSet.merge(p.set(), 1L, Long::sum));
    double[] weights = new double[pairs.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (double) pairs.size() / (perSet.size() * perSet.get(pairs.get(i).set()));
    }
    LogisticFit.Result r =
        LogisticFit.fit(
            pairs.stream().map(Pair::features).toList(),
            pairs.stream().map(Pair::same).toList(),
            weights,
            l2);
    return new JoinModel(r.bias(), r.weights());
  }
}
