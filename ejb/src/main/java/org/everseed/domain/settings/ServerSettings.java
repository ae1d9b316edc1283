package org.everseed.domain.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * How agents and clients reach this server.
 *
 * @param publicUrl the URL in every torrent's tracker and web seed URLs, without a trailing slash
 *     ({@code EVERSEED_PUBLIC_URL}, e.g. {@code https://everseed.corp.example}); empty to use the
 *     address each request came in on
 */
public record ServerSettings(Optional<String> publicUrl) {
  public ServerSettings {
    publicUrl =
        Objects.requireNonNull(publicUrl)
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }
}
