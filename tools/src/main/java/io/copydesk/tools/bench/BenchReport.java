package io.copydesk.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Figures with the targets beside them, printed as text and written as Markdown or JSON. */
final class BenchReport {
  /** {@code met} is null where no target applies or the figure could not be measured. */
  record Row(String section, String figure, String value, String target, Boolean met) {
    String verdict() {
      return met == null ? "" : met ? "meets" : "MISSES";
    }
  }

  private final String title;
  private final List<String> machine = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  BenchReport(String title) {
    this.title = title;
  }

  void machine(String line) {
    machine.add(line);
  }

  void figure(String section, String figure, String value) {
    rows.add(new Row(section, figure, value, "", null));
  }

  void figure(String section, String figure, String value, String target, Boolean met) {
    rows.add(new Row(section, figure, value, target, met));
  }

  void note(String note) {
    notes.add(note);
  }

  List<Row> rows() {
    return rows;
  }

  String text() {
    int figureWidth = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
    int valueWidth = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
    StringBuilder out = new StringBuilder(title).append('\n');
    machine.forEach(m -> out.append("  ").append(m).append('\n'));
    String section = null;
    for (Row r : rows) {
      if (!r.section().equals(section)) {
        section = r.section();
        out.append('\n').append(section).append('\n');
      }
      out.append(
          String.format(
              Locale.ROOT,
              "  %-" + figureWidth + "s  %-" + valueWidth + "s",
              r.figure(),
              r.value()));
      if (!r.target().isEmpty()) {
        out.append("  target ")
            .append(r.target())
            .append(r.met() == null ? "  (not measured)" : "  " + r.verdict());
      }
      out.append('\n');
    }
    if (!notes.isEmpty()) {
      out.append("\nNotes\n");
      notes.forEach(n -> out.append("  - ").append(n).append('\n'));
    }
    return out.toString();
  }

  String markdown() {
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
    machine.forEach(m -> out.append("- ").append(m).append('\n'));
    out.append("\n| section | figure | measured | target | |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append("| ")
          .append(r.section())
          .append(" | ")
          .append(r.figure())
          .append(" | ")
          .append(r.value())
          .append(" | ")
          .append(r.target())
          .append(" | ")
          .append(r.verdict())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.toString();
  }

  String json() throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode().put("title", title);
    machine.forEach(root.putArray("machine")::add);
    ArrayNode figures = root.putArray("figures");
    for (Row r : rows) {
      ObjectNode f =
          figures
              .addObject()
              .put("section", r.section())
              .put("figure", r.figure())
              .put("value", r.value());
      if (!r.target().isEmpty()) {
        f.put("target", r.target());
        if (r.met() != null) {
          f.put("met", r.met());
        }
      }
    }
    ArrayNode notesNode = root.putArray("notes");
    notes.forEach(notesNode::add);
    return mapper.writeValueAsString(root);
  }

  /** JSON for a {@code .json} file, Markdown otherwise. */
  void write(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Files.writeString(file, name.endsWith(".json") ? json() : markdown());
  }
}
