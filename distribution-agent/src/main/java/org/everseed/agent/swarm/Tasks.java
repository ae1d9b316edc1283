package org.everseed.agent.swarm;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hand-offs to the agent's io pool that survive a full (or shut down) pool: a bounded pool refuses
 * work under load, and each caller decides what a refusal means (run inline, try again later, give
 * the reservation back) instead of losing the task or letting the exception end its loop.
 */
final class Tasks {

  /** How long a refused periodic task waits before it tries the pool again. */
  static final long RETRY_MILLIS = 1000;

  private Tasks() {}

  /** Runs {@code task} on {@code pool}; false if the pool refused it (nothing ran). */
  static boolean tryExecute(Executor pool, Runnable task) {
    try {
      pool.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * After {@code delayMillis}, runs {@code task} on {@code pool}; while the pool refuses, tries
   * again every {@link #RETRY_MILLIS}. Stops quietly once the scheduler is shut down.
   */
  static void executeLater(
      ScheduledExecutorService scheduler, Executor pool, Runnable task, long delayMillis) {
    try {
      scheduler.schedule(
          () -> {
            if (!tryExecute(pool, task)) {
              executeLater(scheduler, pool, task, RETRY_MILLIS);
            }
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // The agent is closing.
    }
  }
}
