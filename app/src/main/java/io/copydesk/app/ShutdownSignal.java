package io.copydesk.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command learns it should stop: SIGTERM or Ctrl-C (a JVM shutdown hook), or
 * {@link #request()}. Once {@link #holdExitUntilClosed()} was called, the hook holds the JVM until
 * the command has closed everything (up to a minute), so a container stop ends with files flushed
 * and consumer groups left. Before that (still connecting, say) the process simply exits: nothing
 * has been processed that closing would save, and an orchestrator's stop should not wait a minute.
 */
final class ShutdownSignal {
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean holdExit;
  private Thread hook;

  void install() {
    hook =
        new Thread(
            () -> {
              stopRequested.countDown();
              try {
                if (holdExit) {
                  closed.await(60, TimeUnit.SECONDS);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "copydesk-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** From now on a stop waits for {@link #closed()}: call it before the command starts its work. */
  void holdExitUntilClosed() {
    holdExit = true;
  }

  /** Asks to stop, as SIGTERM does. */
  void request() {
    stopRequested.countDown();
  }

  boolean requested() {
    return stopRequested.getCount() == 0;
  }

  /**
   * Blocks until a stop is requested, running {@code healthCheck} every second (it throws to end
   * early).
   */
  void awaitStop(Runnable healthCheck) throws InterruptedException {
    while (!stopRequested.await(1, TimeUnit.SECONDS)) {
      healthCheck.run();
    }
  }

  /** Everything is closed: lets a waiting shutdown hook finish the JVM's exit. */
  void closed() {
    closed.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it has just been released.
      }
    }
  }
}
