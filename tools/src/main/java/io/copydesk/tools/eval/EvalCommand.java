package io.copydesk.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.app.ToolCommand;
import io.copydesk.enrich.NlpEnricher;
import io.copydesk.enrich.actors.KnowledgeBase;
import io.copydesk.enrich.cluster.ArticleProfile;
import io.copydesk.enrich.cluster.ClusterSettings;
import io.copydesk.enrich.cluster.JoinModel;
import io.copydesk.enrich.nlp.CoreNlpEngine;
import io.copydesk.schema.Actor;
import io.copydesk.schema.RawArticle;
import io.copydesk.tools.ArticleFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code copydesk eval}: scores the extractors against reference labels, without Kafka. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score Copydesk against reference labels.",
    subcommands = {
      EvalCommand.Actors.class,
      EvalCommand.Claims.class,
      EvalCommand.Clusters.class,
      EvalCommand.Engine.class,
      FitClustersCommand.class
    })
public final class EvalCommand implements Runnable, ToolCommand {
  @Override
  public void run() {
    System.out.println("choose what to evaluate: copydesk eval actors --help");
  }

  /** The options and the loop every labelled-article evaluation shares. */
  static final class Labelled {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "DIR",
        description = "Folder with the articles; file name without extension = gold key.")
    Path input;

    @Option(
        names = "--gold",
        required = true,
        paramLabel = "FILE",
        description = "Reference labels (JSON, as ../shared/gold/seeds.json).")
    Path gold;

    @Option(names = "--verbose", description = "List what is wrong and missed per article.")
    boolean verbose;

    interface Visitor {
      void visit(String key, JsonNode labels, io.copydesk.enrich.Enrichment found);
    }

    /** Enriches every labelled article found in the input folder and hands it to the visitor. */
    void forEach(Visitor visitor) throws Exception {
      JsonNode articles = new ObjectMapper().readTree(gold.toFile()).path("articles");
      NlpEnricher enricher = new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load());
      Map<String, RawArticle> byStem = new HashMap<>();
      for (ArticleFolder.Entry e : ArticleFolder.read(input)) {
        byStem.putIfAbsent(e.stem(), e.article());
      }
      for (Map.Entry<String, JsonNode> e : articles.properties()) {
        RawArticle article = byStem.get(e.getKey());
        if (article == null) {
          System.err.println("no input for " + e.getKey() + " in " + input);
          continue;
        }
        visitor.visit(e.getKey(), e.getValue(), enricher.enrich(article));
      }
    }
  }

  @Command(
      name = "actors",
      mixinStandardHelpOptions = true,
      description =
          "Actor precision and recall on labelled articles (gold format: see ../shared/gold/seeds.json).")
  static final class Actors implements Callable<Integer> {
    @Mixin Labelled labelled;

    @Override
    public Integer call() throws Exception {
      ActorEvaluation total = new ActorEvaluation();
      labelled.forEach(
          (key, labels, found) -> {
            List<Actor> actors = found.actors();
            ActorEvaluation one = new ActorEvaluation();
            one.add(labels.path("actors"), actors);
            total.add(labels.path("actors"), actors);
            System.out.printf(
                Locale.ROOT,
                "%-24s precision %.2f  recall %.2f  (%d actors, %d/%d required)%n",
                key,
                one.precision(),
                one.recall(),
                one.systemActors,
                one.requiredFound,
                one.required);
            if (labelled.verbose) {
              System.out.println("    wrong:     " + one.falsePositives);
              System.out.println("    missed:    " + one.missed);
            }
            if (!one.forbiddenFound.isEmpty()) {
              System.out.println("    FORBIDDEN: " + one.forbiddenFound);
            }
          });
      System.out.printf(
          Locale.ROOT,
          "actors: precision %.3f recall %.3f type accuracy %.3f forbidden %d (%d actors, %d/%d required)%n",
          total.precision(),
          total.recall(),
          total.requiredFound == 0 ? 0 : (double) total.requiredTypeRight / total.requiredFound,
          total.forbiddenFound.size(),
          total.systemActors,
          total.requiredFound,
          total.required);
      return 0;
    }
  }

  @Command(
      name = "claims",
      mixinStandardHelpOptions = true,
      description =
          "Claim precision and recall (speaker + text) and figures found, on labelled articles.")
  static final class Claims implements Callable<Integer> {
    @Mixin Labelled labelled;

    @Override
    public Integer call() throws Exception {
      ClaimEvaluation total = new ClaimEvaluation();
      labelled.forEach(
          (key, labels, found) -> {
            ClaimEvaluation one = new ClaimEvaluation();
            one.add(labels, found.claims(), found.figures());
            total.add(labels, found.claims(), found.figures());
            System.out.printf(
                Locale.ROOT,
                "%-24s precision %.2f  recall %.2f  (%d claims, %d/%d labelled; figures %d/%d)%n",
                key,
                one.precision(),
                one.recall(),
                one.systemClaims,
                one.goldFound,
                one.goldClaims,
                one.figuresFound,
                one.goldFigures);
            if (labelled.verbose) {
              one.wrong.forEach(w -> System.out.println("    wrong:  " + w));
              one.missed.forEach(m -> System.out.println("    missed: " + m));
              one.figuresMissed.forEach(m -> System.out.println("    figure missed: " + m));
            }
          });
      System.out.printf(
          Locale.ROOT,
          "claims: precision %.3f recall %.3f (%d claims, %d/%d labelled); figures found %d/%d%n",
          total.precision(),
          total.recall(),
          total.systemClaims,
          total.goldFound,
          total.goldClaims,
          total.figuresFound,
          total.goldFigures);
      return 0;
    }
  }

  @Command(
      name = "clusters",
      mixinStandardHelpOptions = true,
      description = {
        "Event clustering against gold events: B-cubed precision, recall and F1.",
        "Articles are clustered online in publication order (undated last, ties by file name), as a --once run publishes them.",
        "Gold: {\"<article id or file stem>\": \"<event>\"} or {\"events\": {\"<event>\": [ids or stems]}}."
      })
  static final class Clusters implements Callable<Integer> {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "DIR",
        description = "Folder with the articles (any supported format).")
    Path input;

    @Option(
        names = "--gold",
        required = true,
        paramLabel = "FILE",
        description = "Gold events (JSON).")
    Path gold;

    @Mixin ClusterTuning tuning;

    @Option(
        names = "--dump",
        paramLabel = "FILE",
        description =
            "Write article → event of the last threshold tried (TSV), for error analysis.")
    Path dump;

    @Option(
        names = "--shuffle",
        paramLabel = "SEED",
        split = ",",
        description =
            "Also cluster the articles in a random order drawn from each seed, comma-separated: online clustering depends on order.")
    List<Long> shuffles = List.of();

    @Override
    public Integer call() throws Exception {
      ClusterSettings settings = tuning.settings();
      LabelledProfiles data =
          LabelledProfiles.load(
              input, gold, new NlpEnricher(CoreNlpEngine.shared(), KnowledgeBase.load()));
      List<ArticleProfile> profiles = data.profiles();
      Map<String, String> goldOf = data.goldOf();
      List<Double> tries = tuning.thresholds(List.of(settings.threshold()));
      List<String> orders = new ArrayList<>(List.of("publication order"));
      shuffles.forEach(seed -> orders.add("shuffled, seed " + seed));
      for (int o = 0; o < orders.size(); o++) {
        List<ArticleProfile> ordered = new ArrayList<>(profiles);
        if (o > 0) {
          Collections.shuffle(ordered, new Random(shuffles.get(o - 1)));
        }
        for (double t : tries) {
          for (double m : tuning.merges(settings)) {
            Map<String, String> system =
                data.clusterOnline(
                    ordered, settings.withThreshold(t).withMergeThreshold(m), JoinModel.builtIn());
            BCubed score = BCubed.score(system, goldOf);
            if (dump != null && o == 0) {
              StringBuilder tsv = new StringBuilder();
              system.forEach(
                  (k, v) ->
                      tsv.append(k)
                          .append('\t')
                          .append(v)
                          .append('\t')
                          .append(goldOf.getOrDefault(k, ""))
                          .append('\n'));
              Files.writeString(dump, tsv);
            }
            long events = system.values().stream().distinct().count();
            System.out.printf(
                Locale.ROOT,
                "clusters: threshold %.2f merge %.2f  B-cubed precision %.3f recall %.3f F1 %.3f  (%d articles, %d events, %d gold events%s)%n",
                t,
                m,
                score.precision(),
                score.recall(),
                score.f1(),
                system.size(),
                events,
                goldOf.values().stream().distinct().count(),
                o == 0 ? "" : "; " + orders.get(o));
          }
        }
      }
      return 0;
    }
  }

  @Command(
      name = "engine",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the NLP engine's own entity mentions, before any actor rule, as article records in the output",
        "contract (OUT/articles/engine.jsonl: id, headline, body, actors with mentions), so that",
        "../shared/eval/score.py ner scores the engine alone beside the actor layer."
      })
  static final class Engine implements Callable<Integer> {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "DIR",
        description = "Folder with the articles (any supported format).")
    Path input;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Output folder (articles/engine.jsonl is written in it).")
    Path out;

    @Override
    public Integer call() throws Exception {
      CoreNlpEngine engine = CoreNlpEngine.shared();
      ObjectMapper json = new ObjectMapper();
      Path file = out.resolve("articles").resolve("engine.jsonl");
      Files.createDirectories(file.getParent());
      int articles = 0;
      int mentions = 0;
      try (var writer = Files.newBufferedWriter(file)) {
        for (ArticleFolder.Entry entry : ArticleFolder.read(input)) {
          RawArticle a = entry.article();
          var actors = json.createArrayNode();
          if (a.getHeadline() != null) {
            mentions +=
                addMentions(
                    actors, "headline", EngineMentions.of(engine.annotate(a.getHeadline())));
          }
          mentions += addMentions(actors, "body", EngineMentions.of(engine.annotate(a.getBody())));
          var record = json.createObjectNode();
          record.put("id", a.getId());
          record.put("headline", a.getHeadline());
          record.put("body", a.getBody());
          record.set("actors", actors);
          writer.write(json.writeValueAsString(record));
          writer.newLine();
          articles++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "engine: %d articles, %d mentions written to %s%n",
          articles,
          mentions,
          file);
      return 0;
    }

    private static int addMentions(
        com.fasterxml.jackson.databind.node.ArrayNode actors,
        String field,
        List<EngineMentions.Mention> found) {
      for (EngineMentions.Mention m : found) {
        var actor = actors.addObject();
        actor.put("name", m.text());
        actor.put("type", m.type());
        actor
            .putArray("mentions")
            .addObject()
            .put("field", field)
            .put("start", m.start())
            .put("end", m.end());
      }
      return found.size();
    }
  }
}
