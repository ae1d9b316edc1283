package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IncomingGateTest {

  private static final InetAddress A = InetAddress.getLoopbackAddress();
  private static final InetAddress B;

  static {
    try {
      B = InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pendingHandshakesAreCappedPerAddressAndInAll() {
    IncomingGate gate = new IncomingGate(3, 2, 10);
    assertTrue(gate.admit(A).isPresent());
    assertTrue(gate.admit(A).isPresent());
    assertTrue(gate.admit(A).isEmpty(), "a third pending from A");
    assertTrue(gate.admit(B).isPresent());
    assertTrue(gate.admit(B).isEmpty(), "three pending in all");
    assertEquals(3, gate.pending());
    assertEquals(2, gate.refused());
  }

  @Test
  void aHandshakeDoneFreesItsPendingPlaceButTheConnectionStillCounts() {
    IncomingGate gate = new IncomingGate(1, 1, 2);
    IncomingGate.Ticket first = gate.admit(A).orElseThrow();
    first.handshakeDone();
    first.handshakeDone();
    assertEquals(0, gate.pending());
    IncomingGate.Ticket second = gate.admit(A).orElseThrow();
    second.handshakeDone();
    assertTrue(gate.admit(A).isEmpty(), "two connections from A already");
    assertEquals(2, gate.open(A));
    first.release();
    first.release();
    assertEquals(1, gate.open(A));
    assertTrue(gate.admit(A).isPresent());
  }

  @Test
  void releasingAPendingTicketFreesBoth() {
    IncomingGate gate = new IncomingGate(1, 1, 1);
    IncomingGate.Ticket ticket = gate.admit(A).orElseThrow();
    ticket.release();
    ticket.handshakeDone();
    assertEquals(0, gate.pending());
    assertEquals(0, gate.open(A));
    assertTrue(gate.admit(A).isPresent());
  }
}
