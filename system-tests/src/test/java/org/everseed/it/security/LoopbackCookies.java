package org.everseed.it.security;

import java.net.CookieHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cookies as a browser keeps them for a loopback site: browsers treat {@code http://127.0.0.1} as a
 * secure context and send it {@code Secure} cookies (Keycloak marks its login cookies so), which
 * the JDK's {@link java.net.CookieManager} never does over plain HTTP. Keeps name, value and path
 * per host; enough for walking through a login.
 */
final class LoopbackCookies extends CookieHandler {
  private record Cookie(String path, String value) {}

  private final Map<String, Map<String, Cookie>> byHost = new LinkedHashMap<>();

  @Override
  public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    List<String> pairs = new ArrayList<>();
    byHost
        .getOrDefault(site(uri), Map.of())
        .forEach(
            (name, cookie) -> {
              if (path.startsWith(cookie.path())) {
                pairs.add(name + "=" + cookie.value());
              }
            });
    return pairs.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", pairs)));
  }

  @Override
  public synchronized void put(URI uri, Map<String, List<String>> headers) {
    headers.forEach(
        (header, values) -> {
          if (header != null && header.equalsIgnoreCase("set-cookie")) {
            values.forEach(value -> store(uri, value));
          }
        });
  }

  private void store(URI uri, String setCookie) {
    String[] parts = setCookie.split(";");
    String[] nameValue = parts[0].split("=", 2);
    String path = "/";
    boolean expired = false;
    for (int i = 1; i < parts.length; i++) {
      String[] attribute = parts[i].trim().split("=", 2);
      if (attribute[0].equalsIgnoreCase("path") && attribute.length == 2) {
        path = attribute[1];
      } else if (attribute[0].equalsIgnoreCase("max-age")
          && attribute.length == 2
          && attribute[1].trim().startsWith("0")) {
        expired = true;
      }
    }
    Map<String, Cookie> jar = byHost.computeIfAbsent(site(uri), h -> new LinkedHashMap<>());
    if (expired) {
      jar.remove(nameValue[0].trim());
    } else if (nameValue.length == 2) {
      jar.put(nameValue[0].trim(), new Cookie(path, nameValue[1].trim()));
    }
  }

  private static String site(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }
}
