package org.everseed.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product version, read from the build's filtered {@code everseed-version.properties}. */
public final class Version {

  /** The product's name, the first word of {@link #clientName()}. */
  public static final String PRODUCT = "Everseed";

  private static final String CURRENT = load();

  private Version() {}

  /** The version of this build, for example {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return CURRENT;
  }

  /**
   * How Everseed names itself to other BitTorrent clients (the {@code v} of the BEP 10 extension
   * handshake), for example {@code Everseed 0.1.0-SNAPSHOT}. Agents recognise each other by its
   * first word, {@link #PRODUCT}.
   */
  public static String clientName() {
    return PRODUCT + " " + CURRENT;
  }

  /**
   * The agent's HTTP {@code User-Agent} (tracker, web seed), for example {@code
   * Everseed-Agent/0.1.0}.
   */
  public static String agentUserAgent() {
    return PRODUCT + "-Agent/" + CURRENT;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/everseed-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read everseed-version.properties", e);
    }
  }
}
