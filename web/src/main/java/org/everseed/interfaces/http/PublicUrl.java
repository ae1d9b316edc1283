package org.everseed.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import org.everseed.domain.settings.ServerSettings;

/**
 * The server's URL as agents and clients should use it: {@code EVERSEED_PUBLIC_URL} when set,
 * otherwise the scheme, host and port this request came in on.
 */
public final class PublicUrl {
  private PublicUrl() {}

  public static String of(ServerSettings settings, HttpServletRequest request) {
    if (settings.hasPublicUrl()) {
      return settings.publicUrl();
    }
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    String host = request.getServerName();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
