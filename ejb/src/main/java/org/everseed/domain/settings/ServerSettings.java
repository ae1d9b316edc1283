package org.everseed.domain.settings;

import java.io.Serializable;

/**
 * How agents and clients reach this server. Serializable, as portal pages with a passivating scope
 * hold it.
 *
 * @param publicUrl the URL in every torrent's tracker and web seed URLs, without a trailing slash
 *     ({@code EVERSEED_PUBLIC_URL}, e.g. {@code https://everseed.corp.example}); empty to use the
 *     address each request came in on
 */
public record ServerSettings(String publicUrl) implements Serializable {
  public ServerSettings {
    publicUrl = publicUrl == null ? "" : publicUrl.strip();
    while (publicUrl.endsWith("/")) {
      publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }
  }

  /** Whether a public URL is configured; without one, each request's own address is used. */
  public boolean hasPublicUrl() {
    return !publicUrl.isEmpty();
  }
}
