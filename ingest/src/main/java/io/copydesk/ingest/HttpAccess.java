package io.copydesk.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may post articles over HTTP, and how fast: a bearer token (when one is configured, a request
 * without it is refused) and a token bucket per client address (a misbehaving client gets 429, the
 * others go on). Plain Java, so it is tested without a server.
 */
public final class HttpAccess {
  /** What to answer: allowed, or the status and reason to refuse with. */
  public record Verdict(int status, String code, String reason) {
    static final Verdict ALLOWED = new Verdict(0, null, null);

    public boolean allowed() {
      return status == 0;
    }
  }

  /** Client addresses remembered for rate limiting; the least recently seen are forgotten first. */
  private static final int CLIENTS = 10_000;

  private final byte[] token;
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > CLIENTS;
        }
      };

  /**
   * @param token the bearer token requests must carry; empty: none needed
   * @param perSecond sustained requests per second per client; 0: no limit
   * @param burst requests a client may send at once before the rate applies
   */
  public HttpAccess(String token, double perSecond, double burst, Clock clock) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.clock = clock;
  }

  /**
   * Refuses an intake that anyone on the network could post to: one listening beyond the loopback
   * interface without a token. An intake that is meant to be open (behind an authenticating proxy,
   * say) must say so with {@code allowAnonymous}. A host name that does not resolve counts as not
   * loopback: the check must not pass for a name it cannot judge.
   *
   * @throws IllegalStateException naming the settings to change
   */
  public static void requireTokenBeyondLoopback(String host, String token, boolean allowAnonymous) {
    if (allowAnonymous || (token != null && !token.isEmpty()) || isLoopback(host)) {
      return;
    }
    throw new IllegalStateException(
        "the HTTP intake would listen on "
            + host
            + ", which is not a loopback address, and"
            + " ingest.http.token is empty, so anyone who reaches it could post articles: set ingest.http.token"
            + " (COPYDESK_INGEST_HTTP_TOKEN), or set ingest.http.host to 127.0.0.1, or, if something in front of it"
            + " already authenticates, set ingest.http.allow.anonymous=true");
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static HttpAccess open(Clock clock) {
    return new HttpAccess("", 0, 1, clock);
  }

  public Verdict check(String authorization, String client) {
    if (token != null) {
      String presented =
          authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
              ? authorization.substring(7).strip()
              : "";
      // Constant time: how much of a guess matched must not show in how long the answer takes.
      if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
        return new Verdict(
            401, "UNAUTHORIZED", "send the ingest token as 'Authorization: Bearer <token>'");
      }
    }
    if (perSecond > 0 && !take(client)) {
      return new Verdict(
          429,
          "TOO_MANY_REQUESTS",
          "more than " + perSecond + " requests per second from " + client + "; slow down");
    }
    return Verdict.ALLOWED;
  }

  private synchronized boolean take(String client) {
    double now = clock.millis() / 1000.0;
    double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {burst, now});
    bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond);
    bucket[1] = now;
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0] -= 1;
    return true;
  }
}
