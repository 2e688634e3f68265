package io.copydesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's schema evolution check: every top-level schema must be released (frozen in
 * avro-history) and must read data written by every earlier release (backward, transitive).
 */
class SchemaEvolutionTest {

  @TestFactory
  List<DynamicTest> currentSchemasAreReleasedAndReadEveryEarlierRelease() {
    return Contracts.TOP_LEVEL.stream()
        .map(current -> DynamicTest.dynamicTest(current.getName(), () -> check(current)))
        .toList();
  }

  private static void check(Schema current) {
    List<Schema> released = SchemaHistory.versions(current.getFullName());
    assertFalse(
        released.isEmpty(), current.getFullName() + " has no released version in avro-history");
    Schema latest = released.get(released.size() - 1);
    assertTrue(
        SchemaFreezer.sameSchema(latest, current),
        current.getFullName()
            + " differs from its latest release v"
            + released.size()
            + ". If the change is deliberate, release it: ./mvnw -pl schemas compile exec:java@release-schemas (CONTRIBUTING.md)");
    for (int v = 0; v < released.size(); v++) {
      assertReads(
          current, released.get(v), "current " + current.getName() + " must read v" + (v + 1));
    }
  }

  @Test
  void aFieldAddedWithoutDefaultIsCaught() {
    Schema old =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema breaking =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
    Schema fine =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}");
    assertEquals(
        SchemaCompatibilityType.INCOMPATIBLE,
        SchemaCompatibility.checkReaderWriterCompatibility(breaking, old).getType());
    assertReads(fine, old, "a field with a default is backward compatible");
  }

  private static void assertReads(Schema reader, Schema writer, String message) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    assertEquals(
        SchemaCompatibilityType.COMPATIBLE,
        result.getType(),
        message + ": " + result.getDescription());
  }
}
