package io.copydesk.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The intake's answers as they go on the wire: small JSON objects, the same for the intake's own
 * refusals and for those of the HTTP server underneath (a request it cannot parse), never a stack
 * trace or an exception's name.
 */
final class HttpAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a server's reason may look like to be passed on: a short phrase ("Invalid Content-Length
   * Value").
   */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:;=()/'._-]{1,120}");

  private HttpAnswers() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /**
   * {@code {"error": code, "reason": …, "request_id": …}}, and {@code rejection_key} when the
   * refusal is filed under the id.
   */
  static ObjectNode error(String code, String reason, String requestId, boolean filed) {
    ObjectNode answer =
        object().put("error", code).put("reason", reason).put("request_id", requestId);
    if (filed) {
      answer.put("rejection_key", requestId);
    }
    return answer;
  }

  /** Writes the answer; {@code callback} completes when it is sent (or failed to be). */
  static void send(Response response, int status, ObjectNode body, Callback callback) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /**
   * What the HTTP layer said was wrong with a request ({@code failure} or a cause of it), when it
   * is a plain phrase for people; null otherwise, so that no class name or internal text gets out.
   */
  static String plainReason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpException http) {
        String reason = http.getReason();
        return reason != null
                && PLAIN_REASON.matcher(reason).matches()
                && !reason.contains("Exception")
            ? reason
            : null;
      }
    }
    return null;
  }
}
