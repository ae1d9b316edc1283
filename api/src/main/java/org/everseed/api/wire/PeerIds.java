package org.everseed.api.wire;

import java.security.SecureRandom;

/** BEP 20 peer ids: a client prefix such as {@code -ES0100-} followed by random bytes. */
public final class PeerIds {

  /** Everseed's Azureus-style prefix: client "ES", version 0.1.0.0. */
  public static final String EVERSEED_PREFIX = "-ES0100-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private PeerIds() {}

  /** A fresh peer id: the Everseed prefix and 12 random printable characters. */
  public static byte[] newEverseedPeerId() {
    byte[] id = new byte[20];
    for (int i = 0; i < EVERSEED_PREFIX.length(); i++) {
      id[i] = (byte) EVERSEED_PREFIX.charAt(i);
    }
    for (int i = EVERSEED_PREFIX.length(); i < id.length; i++) {
      id[i] = (byte) ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
    }
    return id;
  }

  /** The id with non-printable bytes escaped, for logs. */
  public static String printable(byte[] peerId) {
    StringBuilder out = new StringBuilder(peerId.length);
    for (byte b : peerId) {
      if (b >= 0x20 && b < 0x7F) {
        out.append((char) b);
      } else {
        out.append(String.format("%%%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
