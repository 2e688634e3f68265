package io.copydesk.enrich;

import io.copydesk.schema.PubStatus;
import io.copydesk.schema.RawArticle;
import io.copydesk.schema.StoryState;

/**
 * Decides whether a delivery of a story is news: a newer version passes and replaces the older one;
 * an older version, the same version again, or a redelivery of the same text and status is dropped.
 * A kill (canceled or withheld) of a live story passes even at the live version's number: agencies
 * sometimes kill by resending the last version with a new status.
 */
public final class VersionGate {
  public enum Verdict {
    ACCEPT,
    STALE,
    DUPLICATE
  }

  private VersionGate() {}

  public static Verdict judge(StoryState latest, RawArticle incoming) {
    if (latest == null) {
      return Verdict.ACCEPT;
    }
    if (incoming.getVersion() < latest.getVersion()) {
      return Verdict.STALE;
    }
    if (isRetraction(incoming) && !isRetraction(latest.getPubstatus())) {
      return Verdict.ACCEPT;
    }
    boolean sameContent =
        incoming.getContentSha256().equals(latest.getContentSha256())
            && incoming.getPubstatus() == latest.getPubstatus();
    if (incoming.getVersion() == latest.getVersion() || sameContent) {
      return Verdict.DUPLICATE;
    }
    return Verdict.ACCEPT;
  }

  /** Canceled and withheld both take the story out of circulation. */
  public static boolean isRetraction(RawArticle article) {
    return isRetraction(article.getPubstatus());
  }

  static boolean isRetraction(PubStatus status) {
    return status != PubStatus.usable;
  }

  public static StoryState stateOf(RawArticle accepted) {
    return StoryState.newBuilder()
        .setVersion(accepted.getVersion())
        .setContentSha256(accepted.getContentSha256())
        .setPubstatus(accepted.getPubstatus())
        .build();
  }
}
