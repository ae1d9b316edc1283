package org.everseed.application.fleet;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.everseed.domain.model.fleet.Passkey;
import org.everseed.domain.model.fleet.PasskeyRepository;
import org.everseed.domain.model.fleet.PasskeyValue;

/** Issues the passkeys embedded in the .torrent files and magnet links people download. */
@Stateless
public class PasskeyService {
  @Inject PasskeyRepository passkeys;

  /** The user's live passkey, issued on first use. */
  public PasskeyValue passkeyForUser(String username) {
    return passkeys
        .findLiveForUser(username)
        .orElseGet(
            () -> {
              Passkey issued = Passkey.forUser(username, Instant.now(Clock.systemUTC()));
              passkeys.store(issued);
              return issued;
            })
        .value();
  }
}
