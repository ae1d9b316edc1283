package org.everseed.api.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {
  @Test
  void ipv4AndIpv6Literals() {
    assertArrayEquals(
        new byte[] {10, 1, 2, (byte) 200}, IpLiteral.parse("10.1.2.200").orElseThrow());
    assertEquals(16, IpLiteral.parse("2001:db8::1").orElseThrow().length);
    assertEquals(16, IpLiteral.parse("[::1]").orElseThrow().length);
    assertEquals(4, IpLiteral.parse("::ffff:10.0.0.1").orElseThrow().length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.org",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "1..2.3",
        "01234.1.1.1",
        "a.b.c.d",
        "1.2.3.4%eth0"
      })
  void namesAndMalformedTextAreNeverResolved(String text) {
    assertTrue(IpLiteral.parse(text).isEmpty(), text);
  }

  @Test
  void compactEndpointIsAddressThenBigEndianPort() {
    assertArrayEquals(
        new byte[] {127, 0, 0, 1, (byte) 0xC8, (byte) 0xD5},
        IpLiteral.compactEndpoint(new byte[] {127, 0, 0, 1}, 51413));
  }
}
