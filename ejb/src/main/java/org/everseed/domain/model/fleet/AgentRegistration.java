package org.everseed.domain.model.fleet;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.everseed.domain.model.channel.ChannelName;

/**
 * What an agent declares when it enrols, validated: a name that identifies it across restarts, its
 * site, its software version and the channels it subscribes to.
 */
public record AgentRegistration(
    String name, String site, String version, List<ChannelName> channels) {
  public static final int MAX_NAME = 200;
  public static final int MAX_SITE = 100;
  public static final int MAX_VERSION = 50;
  private static final Pattern PRINTABLE = Pattern.compile("[\\p{Alnum}._:@/+-]+");

  public AgentRegistration {
    name = checked("agent name", name, MAX_NAME);
    site = checked("site", site, MAX_SITE);
    version = version(version);
    channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
  }

  /** A reported software version, validated; blank means none. */
  public static String version(String reported) {
    return reported == null || reported.isBlank() ? "" : checked("version", reported, MAX_VERSION);
  }

  /** The channels as stored in {@code agent.channels}: comma-separated names. */
  public String channelList() {
    return String.join(",", channels.stream().map(ChannelName::value).toList());
  }

  private static String checked(String what, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " is longer than " + max + " characters");
    }
    if (!PRINTABLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " may contain letters, digits and . _ : @ / + - only");
    }
    return value;
  }
}
