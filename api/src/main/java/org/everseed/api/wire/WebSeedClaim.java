package org.everseed.api.wire;

import java.nio.charset.StandardCharsets;

/**
 * Everseed's own BEP 10 extension {@code everseed_ws}: "I am fetching this piece from the web seed
 * now". Agents that receive it leave the piece to the sender for a while instead of fetching it
 * from the server too, so the server sends each piece about once. Other clients never see it: it is
 * only sent to peers that enabled it in their extension handshake.
 *
 * <pre>
 * everseed_ws: d5:piecei&lt;piece index&gt;ee
 * </pre>
 */
public record WebSeedClaim(int piece) {

  /** The extension's name in the BEP 10 handshake. */
  public static final String EXTENSION = "everseed_ws";

  public WebSeedClaim {
    if (piece < 0) {
      throw new IllegalArgumentException("negative piece index " + piece);
    }
  }

  public byte[] encode() {
    return ("d5:piecei" + piece + "ee").getBytes(StandardCharsets.US_ASCII);
  }

  public static WebSeedClaim decode(byte[] payload) {
    String text = new String(payload, StandardCharsets.US_ASCII);
    if (!text.startsWith("d5:piecei") || !text.endsWith("ee") || text.length() < 12) {
      throw new PeerWireException("malformed everseed_ws message");
    }
    String digits = text.substring(9, text.length() - 2);
    if (digits.isEmpty()
        || digits.length() > 10
        || !digits.chars().allMatch(Character::isDigit)
        || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw new PeerWireException("malformed piece index in everseed_ws");
    }
    long piece = Long.parseLong(digits);
    if (piece > Integer.MAX_VALUE) {
      throw new PeerWireException("piece index out of range in everseed_ws");
    }
    return new WebSeedClaim((int) piece);
  }
}
