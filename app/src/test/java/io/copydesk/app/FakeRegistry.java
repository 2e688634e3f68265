package io.copydesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of Apicurio Registry's v3 core API, in memory, for its Avro serdes: register an
 * artifact (with references) and serve a content id's schema and references back.
 */
final class FakeRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTENT =
      Pattern.compile("/apis/registry/v3/ids/contentIds/(\\d+)(/references)?");
  private static final Pattern VERSION =
      Pattern.compile(
          "/apis/registry/v3/groups/([^/]+)/artifacts/([^/]+)/versions/([^/]+)(/content|/references)?");

  private record Stored(
      String group,
      String artifact,
      String version,
      long id,
      String content,
      JsonNode references) {}

  private final HttpServer server;
  private final Map<String, Stored> byKey = new LinkedHashMap<>();
  private final List<Stored> byId = new ArrayList<>();
  final List<String> requests = new ArrayList<>();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/registry/v3";
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      Matcher m;
      if (ex.getRequestMethod().equals("POST")
          && path.matches("/apis/registry/v3/groups/[^/]+/artifacts")) {
        String group = path.split("/")[5];
        JsonNode body = JSON.readTree(ex.getRequestBody());
        String artifact = body.get("artifactId").asText();
        JsonNode content = body.get("firstVersion").get("content");
        String text = content.get("content").asText();
        JsonNode refs =
            content.has("references") ? content.get("references") : JSON.createArrayNode();
        Stored s = byKey.get(group + "/" + artifact + "/" + text + refs);
        if (s == null) {
          long versions =
              byKey.values().stream().filter(x -> x.artifact().equals(artifact)).count();
          s = new Stored(group, artifact, Long.toString(versions + 1), byId.size() + 1, text, refs);
          byId.add(s);
          byKey.put(group + "/" + artifact + "/" + text + refs, s);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer
            .putObject("artifact")
            .put("groupId", group)
            .put("artifactId", artifact)
            .put("artifactType", "AVRO");
        answer.set("version", version(s));
        send(ex, 200, "application/json", JSON.writeValueAsBytes(answer));
      } else if ((m = CONTENT.matcher(path)).matches()
          && Integer.parseInt(m.group(1)) <= byId.size()) {
        Stored s = byId.get(Integer.parseInt(m.group(1)) - 1);
        if (m.group(2) == null) {
          send(ex, 200, "application/json", s.content().getBytes(StandardCharsets.UTF_8));
        } else {
          send(ex, 200, "application/json", JSON.writeValueAsBytes(s.references()));
        }
      } else if ((m = VERSION.matcher(path)).matches()) {
        String group = m.group(1);
        String artifact = m.group(2);
        String version = m.group(3);
        Stored s =
            byId.stream()
                .filter(
                    x ->
                        x.group().equals(group)
                            && x.artifact().equals(artifact)
                            && (x.version().equals(version) || version.equals("branch=latest")))
                .reduce((a, b) -> b)
                .orElse(null);
        if (s == null) {
          send(ex, 404, "application/json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
        } else if ("/content".equals(m.group(4))) {
          send(ex, 200, "application/json", s.content().getBytes(StandardCharsets.UTF_8));
        } else if ("/references".equals(m.group(4))) {
          send(ex, 200, "application/json", JSON.writeValueAsBytes(s.references()));
        } else {
          send(ex, 200, "application/json", JSON.writeValueAsBytes(version(s)));
        }
      } else {
        send(
            ex,
            404,
            "application/json",
            "{\"status\":404,\"title\":\"not in the fake\"}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static ObjectNode version(Stored s) {
    return JSON.createObjectNode()
        .put("groupId", s.group())
        .put("artifactId", s.artifact())
        .put("version", s.version())
        .put("globalId", s.id())
        .put("contentId", s.id())
        .put("artifactType", "AVRO")
        .put("state", "ENABLED");
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
