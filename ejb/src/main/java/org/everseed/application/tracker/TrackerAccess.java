package org.everseed.application.tracker;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.application.fleet.FleetChanged;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.model.tracking.TrackerRegistrations;

/**
 * The tracker's cached admissions: live passkeys and tracked torrents, read in bulk from {@link
 * TrackerRegistrations} and swapped in whole, so announces never touch the database. Refreshed when
 * {@link TrackerRegistrationsChanged}, {@link CatalogChanged} or {@link FleetChanged} is fired
 * (after the firing transaction commits) and periodically as a safety net; swarms of torrents no
 * longer tracked are dropped on refresh.
 */
@ApplicationScoped
public class TrackerAccess {
  private static final System.Logger LOG = System.getLogger(TrackerAccess.class.getName());
  private static final Duration REFRESH_WAIT = Duration.ofSeconds(10);

  // Any Executor: the container's default managed executor, or the caller's thread in unit tests.
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  Executor executor;

  private TrackerRegistrations registrations;
  private PeerRegistry registry;
  private volatile Admissions current = Admissions.NOTHING;
  // Loaded once: afterwards the registry counts completions itself, and re-reading would count
  // the ones already flushed to the audit trail twice.
  private Map<InfoHash, Long> completedBeforeStart;

  protected TrackerAccess() {
    // for CDI proxies
  }

  @Inject
  public TrackerAccess(TrackerRegistrations registrations, PeerRegistry registry) {
    this.registrations = registrations;
    this.registry = registry;
  }

  /** With the executor that change events refresh on (unit tests run it on the caller's thread). */
  TrackerAccess(TrackerRegistrations registrations, PeerRegistry registry, Executor executor) {
    this(registrations, registry);
    this.executor = executor;
  }

  /** The snapshot announces check against; never null. */
  public Admissions current() {
    return current;
  }

  /** Re-reads passkeys and torrents now; call after changing what the tracker admits. */
  public synchronized void refresh() {
    if (completedBeforeStart == null) {
      completedBeforeStart = registrations.completedDownloads();
    }
    Admissions fresh =
        new Admissions(
            registrations.liveAccounts(), registrations.trackedTorrents(), completedBeforeStart);
    current = fresh;
    registry.retainOnly(fresh.torrents());
  }

  /** A release was published or retired. */
  public void onCatalogChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
    refreshOutsideTransaction();
  }

  /** An agent was enrolled, disabled, enabled or re-keyed. */
  public void onFleetChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) FleetChanged change) {
    refreshOutsideTransaction();
  }

  /** Refreshes when the change has been committed, or at once when fired outside a transaction. */
  public void onRegistrationsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) TrackerRegistrationsChanged change) {
    refreshOutsideTransaction();
  }

  /**
   * Refreshes on a pool thread and waits for it. Observers run while the firing transaction
   * completes, when its datasource cannot hand out connections; waiting keeps the change in effect
   * before the caller's request answers (a revoked passkey is refused from the next announce on).
   */
  private void refreshOutsideTransaction() {
    try {
      CompletableFuture.runAsync(this::refresh, executor)
          .get(REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The periodic refresh (TrackerMaintenance) catches up; announces keep the last snapshot.
      LOG.log(Level.WARNING, "tracker admissions not refreshed after a change: " + e, e);
    }
  }
}
