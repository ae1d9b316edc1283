package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;
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

  private static final java.util.function.BooleanSupplier OPEN = () -> true;

  @Test
  void pendingHandshakesAreCappedPerAddressAndInAll() {
    IncomingGate gate = new IncomingGate(3, 2, 10);
    assertTrue(gate.admit(A, OPEN).isPresent());
    assertTrue(gate.admit(A, OPEN).isPresent());
    assertTrue(gate.admit(A, OPEN).isEmpty(), "a third pending from A");
    assertTrue(gate.admit(B, OPEN).isPresent());
    assertTrue(gate.admit(B, OPEN).isEmpty(), "three pending in all");
    assertEquals(3, gate.pending());
    assertEquals(2, gate.refused());
  }

  @Test
  void aHandshakeDoneFreesItsPendingPlaceButTheConnectionCountsWhileOpen() {
    IncomingGate gate = new IncomingGate(1, 1, 2);
    AtomicBoolean firstOpen = new AtomicBoolean(true);
    IncomingGate.Ticket first = gate.admit(A, firstOpen::get).orElseThrow();
    first.handshakeDone();
    first.handshakeDone();
    assertEquals(0, gate.pending());
    IncomingGate.Ticket second = gate.admit(A, OPEN).orElseThrow();
    second.handshakeDone();
    assertTrue(gate.admit(A, OPEN).isEmpty(), "two connections from A already");
    assertEquals(2, gate.open(A));
    firstOpen.set(false);
    assertEquals(1, gate.open(A));
    assertTrue(gate.admit(A, OPEN).isPresent());
  }

  @Test
  void releasingAPendingTicketFreesBoth() {
    IncomingGate gate = new IncomingGate(1, 1, 1);
    IncomingGate.Ticket ticket = gate.admit(A, OPEN).orElseThrow();
    ticket.release();
    ticket.handshakeDone();
    assertEquals(0, gate.pending());
    assertEquals(0, gate.open(A));
    assertTrue(gate.admit(A, OPEN).isPresent());
  }
}
