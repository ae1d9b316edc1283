package org.everseed.domain.model.channel;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * The escape character of {@link #subChannelsPattern()}: pass it as the query's {@code ESCAPE}.
   */
  public static final char LIKE_ESCAPE = '!';

  /**
   * A {@code LIKE} pattern for the channels below this one ({@code value/%}), with {@code _},
   * {@code %} and the escape character escaped: {@code a_b} must not take in {@code axb/...}. Use
   * it with {@code ESCAPE '!'} ({@link #LIKE_ESCAPE}).
   */
  public String subChannelsPattern() {
    return subChannelsPattern(value);
  }

  /** The same for any text (a search filter that may not even be a valid channel name). */
  public static String subChannelsPattern(String name) {
    StringBuilder pattern = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '%' || c == LIKE_ESCAPE) {
        pattern.append(LIKE_ESCAPE);
      }
      pattern.append(c);
    }
    return pattern.append("/%").toString();
  }

  /** This channel and its ancestors, nearest first: {@code a/b/c}, {@code a/b}, {@code a}. */
  public List<ChannelName> lineage() {
    List<ChannelName> lineage = new ArrayList<>();
    for (String name = value; ; name = name.substring(0, name.lastIndexOf('/'))) {
      lineage.add(new ChannelName(name));
      if (name.indexOf('/') < 0) {
        return lineage;
      }
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
