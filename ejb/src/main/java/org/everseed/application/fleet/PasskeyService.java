package org.everseed.application.fleet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.everseed.application.tracker.TrackerRegistrationsChanged;
import org.everseed.domain.model.fleet.PasskeyGrant;
import org.everseed.domain.model.fleet.PasskeyGrantRepository;
import org.everseed.domain.model.tracking.Passkey;

/** Issues the passkeys embedded in the .torrent files and magnet links people download. */
@Stateless
public class PasskeyService {
  @Inject PasskeyGrantRepository passkeys;
  @Inject Event<TrackerRegistrationsChanged> trackerChanged;
  @Inject Clock clock;

  /**
   * The user's live passkey, issued on first use; only people who may download releases get one.
   */
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  public Passkey passkeyForUser(String username) {
    return passkeys
        .findLiveForUser(username)
        .orElseGet(
            () -> {
              PasskeyGrant issued = PasskeyGrant.forUser(username, Instant.now(clock));
              passkeys.store(issued);
              // The tracker admits only passkeys it has cached: tell it before the torrent is used.
              trackerChanged.fire(new TrackerRegistrationsChanged("passkey issued to a user"));
              return issued;
            })
        .passkey();
  }
}
