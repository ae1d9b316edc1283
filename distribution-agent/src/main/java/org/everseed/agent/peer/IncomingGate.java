package org.everseed.agent.peer;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Admission of incoming connections, before anything is read from them: at most {@code maxPending}
 * handshakes in progress in all, {@code maxPendingPerAddress} of them from one address, and {@code
 * maxPerAddress} connections from one address, pending or established. An admitted connection holds
 * a {@link Ticket} until it is closed; the accept path refuses (closes at once) whatever does not
 * get one, so silent connections cannot pile up. Thread-safe.
 */
public final class IncomingGate {

  /** Handshakes in progress at once, from all addresses. */
  public static final int MAX_PENDING = 64;

  /** Handshakes in progress at once from one address. */
  public static final int MAX_PENDING_PER_ADDRESS = 4;

  /**
   * Connections from one address, pending or established (an agent opens one per torrent it shares
   * with us).
   */
  public static final int MAX_PER_ADDRESS = 32;

  private final int maxPending;
  private final int maxPendingPerAddress;
  private final int maxPerAddress;
  private final Map<InetAddress, Integer> pendingBy = new HashMap<>();
  private final Map<InetAddress, Integer> openBy = new HashMap<>();
  private int pending;
  private long refused;

  public IncomingGate(int maxPending, int maxPendingPerAddress, int maxPerAddress) {
    this.maxPending = maxPending;
    this.maxPendingPerAddress = maxPendingPerAddress;
    this.maxPerAddress = maxPerAddress;
  }

  /** The agent's limits. */
  public static IncomingGate standard() {
    return new IncomingGate(MAX_PENDING, MAX_PENDING_PER_ADDRESS, MAX_PER_ADDRESS);
  }

  /** One admitted connection: pending until its handshake is read, counted until it closes. */
  public final class Ticket {
    private final InetAddress address;
    private boolean pending = true;
    private boolean released;

    private Ticket(InetAddress address) {
      this.address = address;
    }

    /** The handshake was read: the connection no longer counts as pending. Idempotent. */
    public void handshakeDone() {
      synchronized (IncomingGate.this) {
        if (pending && !released) {
          pending = false;
          endPending(address);
        }
      }
    }

    /** The connection closed. Idempotent. */
    public void release() {
      synchronized (IncomingGate.this) {
        if (released) {
          return;
        }
        released = true;
        if (pending) {
          pending = false;
          endPending(address);
        }
        openBy.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
      }
    }
  }

  /** A ticket for a connection from {@code address}, or empty if a limit is reached. */
  public synchronized Optional<Ticket> admit(InetAddress address) {
    if (pending >= maxPending
        || pendingBy.getOrDefault(address, 0) >= maxPendingPerAddress
        || openBy.getOrDefault(address, 0) >= maxPerAddress) {
      refused++;
      return Optional.empty();
    }
    pending++;
    pendingBy.merge(address, 1, Integer::sum);
    openBy.merge(address, 1, Integer::sum);
    return Optional.of(new Ticket(address));
  }

  private void endPending(InetAddress address) {
    pending--;
    pendingBy.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
  }

  /** Handshakes in progress now. */
  public synchronized int pending() {
    return pending;
  }

  /** Connections from {@code address} now, pending or established. */
  public synchronized int open(InetAddress address) {
    return openBy.getOrDefault(address, 0);
  }

  /** Connections refused so far. */
  public synchronized long refused() {
    return refused;
  }
}
