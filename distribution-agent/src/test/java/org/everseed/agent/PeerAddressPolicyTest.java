package org.everseed.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: which addresses an agent may dial. Tests name 127.x addresses only (house rule): with
 * 127.0.0.1 the one allowed address, 127.0.0.2-127.0.0.9 stand in for the forbidden ones.
 */
class PeerAddressPolicyTest {

  static PeerAddress at(int lastByte, int port) throws Exception {
    return new PeerAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte}), port);
  }

  static final PeerAddressPolicy ONLY_127_0_0_1;

  static {
    try {
      ONLY_127_0_0_1 =
          PeerAddressPolicy.strict()
              .allowingLoopback(Set.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Test
  void loopbackIsRefusedUnlessConfigured() throws Exception {
    PeerAddressPolicy strict = PeerAddressPolicy.strict();
    assertEquals(Optional.of("loopback address"), strict.refusal(at(1, 21400)));
    assertEquals(Optional.of("loopback address"), strict.refusal(at(9, 21400)));
    PeerAddressPolicy anyLoopback = strict.allowingLoopback(Set.of());
    for (int last = 1; last <= 9; last++) {
      assertTrue(anyLoopback.allows(at(last, 21400)), "127.0.0." + last);
    }
  }

  @Test
  void aNarrowedAllowanceTakesOnlyItsAddresses() throws Exception {
    assertTrue(ONLY_127_0_0_1.allows(at(1, 21400)));
    for (int last = 2; last <= 9; last++) {
      assertFalse(ONLY_127_0_0_1.allows(at(last, 21400)), "127.0.0." + last);
      assertTrue(ONLY_127_0_0_1.refusal(at(last, 21400)).orElseThrow().startsWith("loopback"));
    }
  }

  @Test
  void portsOutsideTheRangeAreRefused() throws Exception {
    assertFalse(ONLY_127_0_0_1.allows(at(1, 0)), "port 0");
    assertFalse(ONLY_127_0_0_1.allows(at(1, 22)), "well-known service ports");
    assertFalse(ONLY_127_0_0_1.allows(at(1, 1023)));
    assertTrue(ONLY_127_0_0_1.allows(at(1, 1024)));
    assertTrue(ONLY_127_0_0_1.allows(at(1, 65535)));
    PeerAddressPolicy narrow = ONLY_127_0_0_1.withPorts(21400, 21409);
    assertFalse(narrow.allows(at(1, 21399)));
    assertTrue(narrow.allows(at(1, 21400)));
    assertTrue(narrow.allows(at(1, 21409)));
    assertEquals(Optional.of("port 21410 outside 21400-21409"), narrow.refusal(at(1, 21410)));
  }

  @Test
  void badSettingsAreRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> PeerAddressPolicy.strict().withPorts(0, 10));
    assertThrows(
        IllegalArgumentException.class, () -> PeerAddressPolicy.strict().withPorts(2000, 1000));
    assertThrows(
        IllegalArgumentException.class, () -> PeerAddressPolicy.strict().withPorts(1, 65536));
  }
}
