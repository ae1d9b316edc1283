package org.everseed.application.fleet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.everseed.application.tracker.TrackerRegistrationsChanged;
import org.everseed.domain.model.fleet.Passkey;
import org.everseed.domain.model.fleet.PasskeyRepository;
import org.everseed.domain.model.fleet.PasskeyValue;

/** Issues the passkeys embedded in the .torrent files and magnet links people download. */
@Stateless
public class PasskeyService {
  @Inject PasskeyRepository passkeys;
  @Inject Event<TrackerRegistrationsChanged> trackerChanged;

  /**
   * The user's live passkey, issued on first use; only people who may download releases get one.
   */
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  public PasskeyValue passkeyForUser(String username) {
    return passkeys
        .findLiveForUser(username)
        .orElseGet(
            () -> {
              Passkey issued = Passkey.forUser(username, Instant.now(Clock.systemUTC()));
              passkeys.store(issued);
              // The tracker admits only passkeys it has cached: tell it before the torrent is used.
              trackerChanged.fire(new TrackerRegistrationsChanged("passkey issued to a user"));
              return issued;
            })
        .value();
  }
}
