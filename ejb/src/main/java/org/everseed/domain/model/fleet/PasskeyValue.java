package org.everseed.domain.model.fleet;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tracker passkey: 128 random bits as 32 lower-case hex characters, carried in the path of
 * announce, scrape and web seed URLs. Equality is constant-time so comparisons leak nothing.
 */
public final class PasskeyValue {
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private PasskeyValue(String value) {
    this.value = value;
  }

  /** Parses a passkey; {@link IllegalArgumentException} if it is not 32 lower-case hex chars. */
  public static PasskeyValue of(String value) {
    Objects.requireNonNull(value, "passkey");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a passkey is 32 lower-case hexadecimal characters");
    }
    return new PasskeyValue(value);
  }

  /** A new, unguessable passkey. */
  public static PasskeyValue generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new PasskeyValue(HexFormat.of().formatHex(bytes));
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasskeyValue other
        && MessageDigest.isEqual(value.getBytes(), other.value.getBytes());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Never the secret itself, so that a passkey cannot reach a log by accident. */
  @Override
  public String toString() {
    return "Passkey[" + value.substring(0, 4) + "…]";
  }
}
