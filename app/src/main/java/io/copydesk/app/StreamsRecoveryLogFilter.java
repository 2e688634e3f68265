package io.copydesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Kafka Streams' recovery from an unclean stop, said once at WARN. After {@code kill -9} under
 * exactly-once, a task's local state has no checkpoint; Streams wipes it and restores it from the
 * changelog, by design. On the way it logs {@code ERROR … Get exceptions for the following tasks:
 * {0_1=…TaskCorruptedException…}}, then a WARN with a stack trace per task and per thread, and one
 * per store without a checkpoint. This filter (installed by logback.xml) drops those and logs one
 * line instead, when the stream thread starts the recovery. Any other error passes unchanged.
 */
public final class StreamsRecoveryLogFilter extends TurboFilter {
  private static final org.slf4j.Logger LOG =
      LoggerFactory.getLogger(StreamsRecoveryLogFilter.class);
  private static final String STREAMS = "org.apache.kafka.streams";
  private static final String CORRUPTED = TaskCorruptedException.class.getName();

  /**
   * TaskManager's summary, as Kafka's LogContext formats it:
   * "{0_1=org.apache…TaskCorruptedException: …, 0_2=…}".
   */
  private static final String SUMMARY = "Get exceptions for the following tasks: {";

  private static final Pattern TASK_EXCEPTION = Pattern.compile("\\b\\d+_\\d+=([\\w.$]+)");

  /** StreamThread, once per recovery: where the single line is logged. */
  private static final String THREAD_RECOVERS = "Detected the states of tasks ";

  /** ProcessorStateManager, once per store of a corrupted task. */
  private static final String NO_CHECKPOINT =
      "did not find checkpoint offsets while stores are not empty";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || !logger.getName().startsWith(STREAMS)) {
      return FilterReply.NEUTRAL;
    }
    if (format.contains(SUMMARY)) {
      return onlyCorruption(format) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
    if (format.contains(NO_CHECKPOINT)) {
      return FilterReply.DENY;
    }
    if (t instanceof TaskCorruptedException corrupted) {
      if (format.contains(THREAD_RECOVERS)) {
        LOG.warn(
            "Kafka Streams found the local state of tasks {} left by an unclean stop (such as kill -9); it wipes it and"
                + " restores it from the changelog topics, as it does by design under exactly-once: nothing is lost",
            corrupted.corruptedTasks());
      }
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  /** Whether a summary names only corrupted tasks (another failure there is a real error). */
  static boolean onlyCorruption(String summary) {
    Matcher m = TASK_EXCEPTION.matcher(summary.substring(summary.indexOf(SUMMARY)));
    boolean any = false;
    while (m.find()) {
      if (!m.group(1).equals(CORRUPTED)) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
