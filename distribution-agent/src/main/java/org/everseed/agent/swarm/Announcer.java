package org.everseed.agent.swarm;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.tracker.AnnounceResponse;
import org.everseed.api.wire.PeerAddress;

/**
 * When a torrent talks to its trackers: {@code started} at once, then again at the tracker's
 * interval (capped by {@code maxAnnounceInterval}; {@code minAnnounceInterval} while a download has
 * no peer, or when no tracker answered), {@code completed} once the data is complete, {@code
 * stopped} at the end. Trackers are tried in the torrent's order until one answers. Runs on the io
 * threads, never under the session's lock. Thread-safe.
 */
final class Announcer {

  /** What the announcer asks of its torrent. */
  interface Swarm {

    /** The announce for {@code event} with the torrent's current byte counts. */
    AnnounceRequest announce(AnnounceEvent event);

    /** A download without any peer: ask again soon. */
    boolean starving();

    /** Peers a tracker named. */
    void found(List<PeerAddress> peers);
  }

  /** Peers asked for per announce (none on {@code stopped}). */
  static final int NUMWANT = 50;

  private final SwarmContext context;
  private final Metainfo torrent;
  private final Swarm swarm;
  private final Consumer<String> log;
  private boolean stopped; // guarded by this
  private ScheduledFuture<?> next; // guarded by this

  Announcer(SwarmContext context, Metainfo torrent, Swarm swarm, Consumer<String> log) {
    this.context = context;
    this.torrent = torrent;
    this.swarm = swarm;
    this.log = log;
  }

  /** Announces {@code started} and keeps announcing. */
  void start() {
    if (!Tasks.tryExecute(context.io(), () -> loop(AnnounceEvent.STARTED))) {
      Tasks.executeLater(
          context.scheduler(), context.io(), () -> loop(AnnounceEvent.STARTED), Tasks.RETRY_MILLIS);
    }
  }

  /** Announces {@code completed} in the background. */
  void completed() {
    if (!Tasks.tryExecute(context.io(), () -> once(AnnounceEvent.COMPLETED))) {
      Tasks.executeLater(
          context.scheduler(),
          context.io(),
          () -> once(AnnounceEvent.COMPLETED),
          Tasks.RETRY_MILLIS);
    }
  }

  /** Stops the schedule and announces {@code stopped} on the calling thread. */
  void stop() {
    synchronized (this) {
      stopped = true;
      if (next != null) {
        next.cancel(false);
      }
    }
    once(AnnounceEvent.STOPPED);
  }

  private void loop(AnnounceEvent event) {
    synchronized (this) {
      if (stopped) {
        return;
      }
    }
    Optional<AnnounceResponse> response = once(event);
    long interval =
        response
            .map(r -> r.interval().toMillis())
            .orElse(context.config().minAnnounceInterval().toMillis());
    long delayMillis =
        swarm.starving()
            ? context.config().minAnnounceInterval().toMillis()
            : Math.min(interval, context.config().maxAnnounceInterval().toMillis());
    synchronized (this) {
      if (!stopped) {
        next =
            context
                .scheduler()
                .schedule(
                    () -> {
                      if (!Tasks.tryExecute(context.io(), () -> loop(AnnounceEvent.NONE))) {
                        Tasks.executeLater(
                            context.scheduler(),
                            context.io(),
                            () -> loop(AnnounceEvent.NONE),
                            Tasks.RETRY_MILLIS);
                      }
                    },
                    Math.max(1000, delayMillis),
                    TimeUnit.MILLISECONDS);
      }
    }
  }

  private Optional<AnnounceResponse> once(AnnounceEvent event) {
    for (String tracker : torrent.trackers()) {
      try {
        AnnounceResponse response = context.tracker().announce(tracker, swarm.announce(event));
        if (response.failureReason().isPresent()) {
          log.accept("tracker " + tracker + " refused: " + response.failureReason().get());
          continue;
        }
        if (event != AnnounceEvent.STOPPED) {
          swarm.found(response.peers());
        }
        return Optional.of(response);
      } catch (IOException e) {
        log.accept("announce failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
