package io.copydesk.app;

import java.util.concurrent.atomic.AtomicReference;

/** A stage's loop in its own thread, keeping what ended it so that health checks can report it. */
final class ServiceThread {
  private final Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ServiceThread(String name, Runnable loop) {
    this.thread =
        new Thread(
            () -> {
              try {
                loop.run();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            name);
  }

  void start() {
    thread.start();
  }

  /** What ended the loop with an exception, or null. */
  Throwable failure() {
    return failure.get();
  }

  void interrupt() {
    thread.interrupt();
  }

  /** Waits for the loop to end, if it was started. */
  void join() throws InterruptedException {
    if (thread.getState() != Thread.State.NEW) {
      thread.join();
    }
  }
}
