package org.everseed.domain.model.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Keycloak realm role that may publish into a channel, e.g. {@code team-erp}. Keycloak puts a
 * user's realm roles, including those inherited from the user's groups, in every token, so granting
 * a channel to a role grants it to a Keycloak group by giving the group that role.
 */
public record PublisherRole(String value) {
  public static final int MAX_LENGTH = 100;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  public PublisherRole {
    Objects.requireNonNull(value, "role");
    if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a publisher role is 1 to "
              + MAX_LENGTH
              + " characters of [A-Za-z0-9._:-], starting with a letter or digit, not '"
              + value
              + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
