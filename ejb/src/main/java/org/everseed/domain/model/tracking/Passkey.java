package org.everseed.domain.model.tracking;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret in an agent's or user's tracker and web seed URLs: 128 random bits as 32 lower-case
 * hex characters. The one passkey value of the server: the fleet issues it ({@link
 * org.everseed.domain.model.fleet.PasskeyGrant}), the tracker and the web seed admit it. Equality
 * runs in constant time so that comparing a guess with a real key tells nothing about how many
 * leading characters matched.
 */
public final class Passkey {
  public static final int LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;
  private final int hash;

  private Passkey(String value) {
    this.value = value;
    this.hash = value.hashCode();
  }

  /** A new, unguessable passkey. */
  public static Passkey generate() {
    byte[] bytes = new byte[LENGTH / 2];
    RANDOM.nextBytes(bytes);
    return new Passkey(HexFormat.of().formatHex(bytes));
  }

  /** Parses a passkey; refuses anything but 32 lower-case hex characters. */
  public static Passkey of(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalArgumentException("a passkey is 32 lower-case hex characters"));
  }

  /** Empty for malformed text, so the tracker can answer "unknown passkey" without an exception. */
  public static Optional<Passkey> parse(String value) {
    if (value == null || value.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Passkey(value));
  }

  public String value() {
    return value;
  }

  /**
   * Constant time over the 32 characters, and without allocating: the tracker compares passkeys on
   * every announce (its per-passkey limits).
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Passkey that)) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < LENGTH; i++) {
      difference |= value.charAt(i) ^ that.value.charAt(i);
    }
    return difference == 0;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Never the secret itself: passkeys must not end up in logs. */
  @Override
  public String toString() {
    return "Passkey[" + value.substring(0, 4) + "…]";
  }
}
