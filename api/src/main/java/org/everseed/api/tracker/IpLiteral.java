package org.everseed.api.tracker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Numeric IP addresses as text (the connection's remote address, an announce's {@code ip} or {@code
 * ipv6}), turned into address bytes and compact endpoints without ever asking DNS.
 */
public final class IpLiteral {

  private IpLiteral() {}

  /**
   * The 4 or 16 address bytes of an IPv4 dotted quad or an IPv6 literal (IPv4-mapped IPv6 becomes
   * IPv4); empty for anything else, host names included.
   */
  public static Optional<byte[]> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return Optional.empty();
    }
    String literal = text;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    boolean v6 = literal.indexOf(':') >= 0;
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9')
              || c == '.'
              || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!allowed) {
        return Optional.empty();
      }
    }
    if (!v6 && !isDottedQuad(literal)) {
      return Optional.empty();
    }
    try {
      // Only digits, dots, colons and hex letters reach here: InetAddress parses, never resolves.
      return Optional.of(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The compact endpoint (BEP 23 / BEP 7): address bytes then the port, big-endian. */
  public static byte[] compactEndpoint(byte[] address, int port) {
    byte[] out = new byte[address.length + 2];
    System.arraycopy(address, 0, out, 0, address.length);
    out[address.length] = (byte) (port >>> 8);
    out[address.length + 1] = (byte) port;
    return out;
  }

  private static boolean isDottedQuad(String text) {
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        if (digits == 0 || value > 255) {
          return false;
        }
        parts++;
        digits = 0;
        value = 0;
      } else {
        digits++;
        value = value * 10 + (text.charAt(i) - '0');
        if (digits > 3) {
          return false;
        }
      }
    }
    return parts == 4;
  }
}
