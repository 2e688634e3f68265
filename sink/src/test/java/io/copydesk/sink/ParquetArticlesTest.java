package io.copydesk.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copydesk.schema.Actor;
import io.copydesk.schema.ActorType;
import io.copydesk.schema.Claim;
import io.copydesk.schema.ClaimKind;
import io.copydesk.schema.EnrichedArticle;
import io.copydesk.schema.Figure;
import io.copydesk.schema.Mention;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.Source;
import io.copydesk.schema.TextField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetArticlesTest {
  private final ObjectMapper mapper = new ObjectMapper();

  /** An article with every field of the output contract filled, nested lists included. */
  static EnrichedArticle fullArticle(String id, String published) {
    EnrichedArticle a = SinkFilesTest.article(id, published);
    RawArticle raw =
        RawArticle.newBuilder(a.getArticle())
            .setByline("By Jane Roe")
            .setLanguage("en")
            .setEmbargoedUntil(Instant.parse("2021-06-27T20:00:00Z"))
            .setSource(
                Source.newBuilder()
                    .setName("AP")
                    .setFile(id + ".json")
                    .setUri("urn:" + id)
                    .setFormat("ninjs")
                    .build())
            .build();
    Actor pentagon =
        Actor.newBuilder()
            .setName("John Kirby")
            .setType(ActorType.PERSON)
            .setAliases(List.of("Kirby", "John Kirby"))
            .setMentions(
                List.of(
                    Mention.newBuilder().setField(TextField.body).setStart(10).setEnd(20).build(),
                    Mention.newBuilder()
                        .setField(TextField.headline)
                        .setStart(0)
                        .setEnd(5)
                        .build()))
            .setRole("Pentagon Press Secretary")
            .setSalience(0.75)
            .build();
    Actor syria =
        Actor.newBuilder()
            .setName("Syria")
            .setType(ActorType.GPE)
            .setAliases(List.of())
            .setMentions(List.of())
            .setSalience(0.25)
            .build();
    Claim claim =
        Claim.newBuilder()
            .setSpeaker("John Kirby")
            .setSpeakerSurface("Kirby")
            .setCue("said")
            .setText("the strikes were defensive")
            .setKind(ClaimKind.indirect)
            .setField(TextField.body)
            .setStart(30)
            .setEnd(57)
            .build();
    Figure killed =
        Figure.newBuilder()
            .setWhat("killed")
            .setWhom("militiamen")
            .setValue(4)
            .setQualifier("at least")
            .setSpeaker("John Kirby")
            .build();
    Figure share = Figure.newBuilder().setWhat("share").setValue(2.5).setBackground(true).build();
    return EnrichedArticle.newBuilder(a)
        .setArticle(raw)
        .setActors(List.of(pentagon, syria))
        .setClaims(List.of(claim))
        .setFigures(List.of(killed, share))
        .build();
  }

  @Test
  void theParquetSchemaHasExactlyTheFieldsOfTheJsonRows() {
    JsonNode row = new RecordJson(mapper).article(fullArticle("a", "2021-06-27T23:00:00Z"));
    Map<String, String> json = new TreeMap<>();
    jsonPaths("", row, json);
    Map<String, String> parquet = new TreeMap<>();
    schemaPaths("", ParquetArticles.SCHEMA, parquet);
    assertEquals(
        json.keySet(),
        parquet.keySet(),
        "RecordJson is the contract: a field added there needs a column");
    assertTrue(json.size() > 40, "the nested fields were walked: " + json.keySet());
  }

  @Test
  void duckDbReadsTheSameValuesFromParquetAsFromJsonLines(@TempDir Path dir) throws Exception {
    List<SinkFiles.Offset<EnrichedArticle>> batch =
        List.of(
            new SinkFiles.Offset<>(0, fullArticle("a", "2021-06-27T23:00:00Z")),
            new SinkFiles.Offset<>(1, SinkFilesTest.article("b", "2021-06-27T01:00:00Z")),
            new SinkFiles.Offset<>(2, fullArticle("c", null)));
    new SinkFiles(dir.resolve("jsonl"), mapper, ArticleFormat.JSONL)
        .writeArticles("enriched", 0, batch, 3);
    List<Path> written =
        new SinkFiles(dir.resolve("parquet"), mapper, ArticleFormat.PARQUET)
            .writeArticles("enriched", 0, batch, 3);
    assertEquals(
        List.of(
            dir.resolve("parquet/articles/date=2021-06-27/enriched+0+0000000000.parquet"),
            dir.resolve("parquet/articles/date=2026-03-01/enriched+0+0000000002.parquet")),
        written);
    assertEquals(
        "PAR1",
        new String(
            Files.readAllBytes(written.get(0)), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

    String columns =
        "id, version, pubstatus, source.file, source.format, headline, byline, len(body), language, "
            + "strftime(published_at::TIMESTAMPTZ AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S'), "
            + "strftime(embargoed_until::TIMESTAMPTZ AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S'), "
            + "len(actors), actors[1].name, actors[1].type, actors[1].aliases[2], actors[1].mentions[2].field, "
            + "actors[1].mentions[1].\"end\", actors[1].role, actors[1].salience, actors[2].role, "
            + "claims[1].speaker, claims[1].speaker_surface, claims[1].source, claims[1].kind, claims[1].start, "
            + "figures[1].value::DOUBLE, figures[1].qualifier, figures[1].whom, figures[1].background, figures[2].value::DOUBLE, "
            + "figures[2].speaker, figures[2].background, "
            + "event_id, content_sha256, payload_sha256, date";
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      List<List<String>> fromJson =
          DuckDbQueries.rows(
              db,
              "SELECT "
                  + columns
                  + " FROM read_json_auto('"
                  + dir.resolve("jsonl/articles/**/*.jsonl")
                  + "', hive_partitioning = true) ORDER BY id");
      List<List<String>> fromParquet =
          DuckDbQueries.rows(
              db,
              "SELECT "
                  + columns
                  + " FROM read_parquet('"
                  + dir.resolve("parquet/articles/**/*.parquet")
                  + "', hive_partitioning = true) ORDER BY id");
      assertEquals(3, fromParquet.size());
      assertEquals(fromJson, fromParquet);
      assertEquals(
          Arrays.asList(
              "a",
              "1",
              "usable",
              "a.json",
              "ninjs",
              "Headline a",
              "By Jane Roe",
              "9",
              "en",
              "2021-06-27T23:00:00",
              "2021-06-27T20:00:00",
              "2",
              "John Kirby",
              "PERSON",
              "John Kirby",
              "headline",
              "20",
              "Pentagon Press Secretary",
              "0.75",
              null,
              "John Kirby",
              "Kirby",
              null,
              "indirect",
              "30",
              "4.0",
              "at least",
              "militiamen",
              "false",
              "2.5",
              null,
              "true",
              "ev-a",
              "c",
              "p",
              "2021-06-27"),
          fromParquet.get(0));

      // Typed columns: times are timestamps and nested lists are lists of structs, not strings.
      Map<String, String> types = new TreeMap<>();
      try (Statement s = db.createStatement();
          ResultSet r =
              s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + written.get(0) + "')")) {
        while (r.next()) {
          types.put(r.getString("column_name"), r.getString("column_type"));
        }
      }
      assertEquals("TIMESTAMP WITH TIME ZONE", types.get("published_at"), types.toString());
      assertTrue(
          types
              .get("actors")
              .startsWith("STRUCT(\"name\" VARCHAR, \"type\" VARCHAR, aliases VARCHAR[]"),
          types.get("actors"));
      assertEquals("BIGINT", types.get("version"));
    }
  }

  @Test
  void anUnknownFormatIsRefusedWithTheAllowedOnes() {
    assertEquals(ArticleFormat.PARQUET, ArticleFormat.of(" Parquet "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ArticleFormat.of("csv"));
    assertTrue(e.getMessage().contains("jsonl or parquet"), e.getMessage());
  }

  private static void jsonPaths(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                out.put(prefix + name, "");
                jsonPaths(prefix + name + ".", node.get(name), out);
              });
    } else if (node.isArray()) {
      node.forEach(item -> jsonPaths(prefix, item, out));
    }
  }

  private static void schemaPaths(String prefix, GroupType group, Map<String, String> out) {
    for (Type field : group.getFields()) {
      String path = prefix + field.getName();
      out.put(path, "");
      if (field.isPrimitive()) {
        continue;
      }
      GroupType g = field.asGroupType();
      if (LogicalTypeAnnotation.listType().equals(g.getLogicalTypeAnnotation())) {
        Type element = g.getType(0).asGroupType().getType(0);
        if (!element.isPrimitive()) {
          schemaPaths(path + ".", element.asGroupType(), out);
        }
      } else {
        schemaPaths(path + ".", g, out);
      }
    }
  }
}
