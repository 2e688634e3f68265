package io.copydesk.ingest;

import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's error handler: answers what the server refuses before the intake sees a request
 * (a request line or header it cannot parse, a {@code Content-Length} that is not a number, headers
 * or a URI over its limits) the way the intake answers, in JSON with a request id, and logs it
 * once. Such a request is not filed on the rejects topic: its headers, the token among them, were
 * never read, so nothing about it can be trusted or attributed (like a wrong method or path, it is
 * not input).
 */
final class IntakeErrorHandler implements Request.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeErrorHandler.class);
  private final RequestIds requestIds;

  IntakeErrorHandler(RequestIds requestIds) {
    this.requestIds = requestIds;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Throwable failure = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
    int status = failure instanceof HttpException http ? http.getCode() : response.getStatus();
    if (status < 400 || status > 599) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
    }
    String requestId = response.getHeaders().get(RequestIds.HEADER);
    if (requestId == null) {
      requestId = requestIds.choose(request.getHeaders().get(RequestIds.HEADER));
    }
    String detail = HttpAnswers.plainReason(failure);
    String reason = reason(status) + (detail == null ? "" : " (" + detail + ")");
    String code = code(status);
    if (status == HttpStatus.INTERNAL_SERVER_ERROR_500) {
      LOG.error(
          "ingest answered {} {} to HTTP request {} from {}: {}",
          status,
          code,
          requestId,
          Request.getRemoteAddr(request),
          reason,
          failure);
    } else {
      LOG.warn(
          "ingest refused HTTP request {} from {} with {} {}: {}",
          requestId,
          Request.getRemoteAddr(request),
          status,
          code,
          reason);
    }
    response.getHeaders().put(RequestIds.HEADER, requestId);
    HttpAnswers.send(response, status, HttpAnswers.error(code, reason, requestId, false), callback);
    return true;
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "MALFORMED_REQUEST";
      case 413 -> "TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 431 -> "HEADERS_TOO_LARGE";
      case 500 -> "INTERNAL";
      case 503 -> "UNAVAILABLE";
      default ->
          HttpStatus.getMessage(status).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    };
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "the request is not valid HTTP/1.1 and was not read; nothing was filed";
      case 413, 431 -> "the request's headers are over the server's limit; nothing was filed";
      case 414 -> "the request's URI is over the server's limit; POST articles to /articles";
      case 500 -> "the request could not be processed; the error is logged";
      case 503 -> "ingest is stopping; try again";
      default ->
          "the request was refused before it was read ("
              + HttpStatus.getMessage(status)
              + "); nothing was filed";
    };
  }
}
