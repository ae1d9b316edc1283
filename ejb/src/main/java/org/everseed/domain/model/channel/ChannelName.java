package org.everseed.domain.model.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel's path-like name: lower-case segments of letters, digits, {@code .}, {@code _} and
 * {@code -}, separated by single slashes, e.g. {@code patches/linux-x64}.
 */
public record ChannelName(String value) {
  public static final int MAX_LENGTH = 200;
  private static final Pattern SEGMENTED =
      Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");

  public ChannelName {
    Objects.requireNonNull(value, "channel name");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "channel name is longer than " + MAX_LENGTH + " characters");
    }
    if (!SEGMENTED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "channel name '"
              + value
              + "' must be lower-case segments of [a-z0-9._-] separated by '/',"
              + " e.g. patches/linux-x64");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
