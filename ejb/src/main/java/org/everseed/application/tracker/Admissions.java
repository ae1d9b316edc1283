package org.everseed.application.tracker;

import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.TrackerAccount;

/**
 * One immutable snapshot of what the tracker admits, swapped whole on refresh so announces read it
 * without locks.
 */
public record Admissions(
    Map<Passkey, TrackerAccount> accounts, Set<InfoHash> torrents, Map<InfoHash, Long> completed) {
  public static final Admissions NOTHING = new Admissions(Map.of(), Set.of(), Map.of());

  public Admissions {
    accounts = Map.copyOf(accounts);
    torrents = Set.copyOf(torrents);
    completed = Map.copyOf(completed);
  }
}
