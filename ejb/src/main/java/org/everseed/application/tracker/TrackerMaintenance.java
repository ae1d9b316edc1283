package org.everseed.application.tracker;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.model.tracking.SwarmStatisticsSnapshots;
import org.everseed.domain.model.tracking.TrackingEventLog;
import org.everseed.domain.settings.TrackerConfiguration;

/**
 * The tracker's background work, off the announce path: loads the admissions at start, then
 * periodically writes the buffered audit trail (one batch per window), evicts silent peers,
 * re-reads the admissions as a safety net for missed change events, and copies the swarm figures
 * that changed to {@code swarm_stats} for the catalog. Writes what is left when the application
 * stops.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrackerMaintenance {
  private static final System.Logger LOG = System.getLogger(TrackerMaintenance.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject TrackerConfiguration configuration;
  @Inject TrackerAccess access;
  @Inject PeerRegistry registry;
  @Inject TrackingEventRecorder recorder;
  @Inject TrackingEventLog eventLog;
  @Inject Tracker tracker;
  @Inject SwarmStatisticsSnapshots snapshots;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private final SwarmStatisticsChanges statisticsChanges = new SwarmStatisticsChanges();
  private long droppedReported;

  @PostConstruct
  void start() {
    refreshAdmissions();
    every(configuration.batchWindow(), this::flush);
    every(configuration.sweepPeriod(), this::sweep);
    every(configuration.refreshPeriod(), this::refreshAdmissions);
    every(configuration.statisticsSnapshotPeriod(), this::snapshotStatistics);
    LOG.log(
        Level.INFO,
        "Tracker ready: interval {0}, peer expiry {1}, {2} torrents, {3} passkeys",
        configuration.interval(),
        configuration.peerExpiry(),
        access.current().torrents().size(),
        access.current().accounts().size());
  }

  @PreDestroy
  void stop() {
    tasks.forEach(task -> task.cancel(false));
    flush();
  }

  private void every(Duration period, Runnable task) {
    long millis = period.toMillis();
    tasks.add(
        scheduler.scheduleWithFixedDelay(guarded(task), millis, millis, TimeUnit.MILLISECONDS));
  }

  /** A failing run is logged and the schedule goes on: one bad batch must not stop the rest. */
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "tracker maintenance failed: " + e, e);
      }
    };
  }

  private void refreshAdmissions() {
    try {
      access.refresh();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "tracker: cannot refresh passkeys and torrents, keeping the last ones: " + e);
    }
  }

  private void snapshotStatistics() {
    try {
      snapshots.store(statisticsChanges.since(tracker.allStatistics()));
    } catch (RuntimeException e) {
      statisticsChanges.reset();
      throw e;
    }
  }

  private void sweep() {
    registry.evictSilentSince(System.currentTimeMillis() - configuration.peerExpiry().toMillis());
  }

  private synchronized void flush() {
    TrackingEventRecorder.Batch batch = recorder.drain();
    if (!batch.isEmpty()) {
      try {
        eventLog.store(batch.events(), batch.transfers());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "tracker: lost one audit batch of {0} events and {1} counters: {2}",
            batch.events().size(),
            batch.transfers().size(),
            e.toString());
      }
    }
    long dropped = recorder.dropped();
    if (dropped > droppedReported) {
      LOG.log(Level.WARNING, "tracker: audit buffer full, {0} entries dropped so far", dropped);
      droppedReported = dropped;
    }
  }
}
