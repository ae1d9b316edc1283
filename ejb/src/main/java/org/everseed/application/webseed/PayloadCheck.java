package org.everseed.application.webseed;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.domain.model.release.PayloadStore;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.settings.StorageSettings;

/**
 * Keeps the catalog and the payload store honest with each other: right after start and then every
 * {@link StorageSettings#payloadCheckPeriod()}, every active release's payload is compared with its
 * torrent (files present, sizes right); a thorough check that hashes every piece runs on demand.
 * What it finds is shown by health ({@code DEGRADED}), the REST API and the portal, instead of the
 * web seed answering 404 with nobody told.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PayloadCheck {
  private static final System.Logger LOG = System.getLogger(PayloadCheck.class.getName());
  private static final int PAGE = 200;
  private static final long FIRST_CHECK_DELAY_MS = 1_000;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ReleaseRepository releases;
  @Inject PayloadStore store;
  @Inject StorageSettings settings;
  @Inject Clock clock;

  private final Map<InfoHash, PayloadProblem> problems = new ConcurrentHashMap<>();
  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    task =
        scheduler.scheduleWithFixedDelay(
            this::checkAllGuarded,
            FIRST_CHECK_DELAY_MS,
            settings.payloadCheckPeriod().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** The releases whose payload is missing or damaged, oldest release first. */
  public List<PayloadProblem> problems() {
    return problems.values().stream()
        .sorted(Comparator.comparingLong(p -> p.release().value()))
        .toList();
  }

  /** What is wrong with one release's payload, if anything was found. */
  public Optional<PayloadProblem> problem(InfoHash infoHash) {
    return Optional.ofNullable(problems.get(infoHash));
  }

  /** The quick check of every active release (presence and sizes). */
  public int checkAll() {
    int checked = 0;
    long after = 0;
    List<ReleaseId> page;
    do {
      page = releases.activeIdsAfter(after, PAGE);
      for (ReleaseId id : page) {
        releases.find(id).ifPresent(this::checkSizes);
        after = id.value();
      }
      checked += page.size();
    } while (page.size() == PAGE);
    return checked;
  }

  /**
   * Hashes every piece of one release's payload (reads it all: minutes for large payloads).
   *
   * @return what is wrong, or empty when the payload matches its torrent
   */
  public Optional<PayloadProblem> verify(Release release) {
    Optional<PayloadInspection.Finding> finding =
        PayloadInspection.pieces(
            SeedablePayload.of(release, store), Metainfo.parse(release.torrent()));
    return record(release, finding);
  }

  public void onCatalogChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) CatalogChanged change) {
    if (!change.active()) {
      problems.remove(change.infoHash());
    } else {
      releases.findByInfoHash(change.infoHash()).ifPresent(this::checkSizes);
    }
  }

  private void checkSizes(Release release) {
    record(release, PayloadInspection.sizes(SeedablePayload.of(release, store)));
  }

  private Optional<PayloadProblem> record(
      Release release, Optional<PayloadInspection.Finding> finding) {
    if (finding.isEmpty()) {
      if (problems.remove(release.infoHash()) != null) {
        LOG.log(Level.INFO, "Payload of release {0} is intact again", release.id().value());
      }
      return Optional.empty();
    }
    PayloadProblem problem =
        new PayloadProblem(
            release.id(),
            release.infoHash(),
            finding.get().kind(),
            finding.get().detail(),
            clock.instant());
    PayloadProblem before = problems.put(release.infoHash(), problem);
    if (before == null || !before.detail().equals(problem.detail())) {
      LOG.log(
          Level.WARNING,
          "Payload of release {0} ({1} {2}) is {3}: {4}",
          release.id().value(),
          release.name(),
          release.version(),
          problem.kind(),
          problem.detail());
    }
    return Optional.of(problem);
  }

  private void checkAllGuarded() {
    try {
      int checked = checkAll();
      LOG.log(
          Level.DEBUG,
          "Payload check: {0} active releases, {1} with problems",
          checked,
          problems.size());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Payload check failed; it runs again at the next period", e);
    }
  }
}
