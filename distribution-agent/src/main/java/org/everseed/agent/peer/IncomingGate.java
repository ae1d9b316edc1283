package org.everseed.agent.peer;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Admission of incoming connections, before anything is read from them: at most {@code maxPending}
 * handshakes in progress in all, {@code maxPendingPerAddress} of them from one address, and {@code
 * maxPerAddress} connections from one address, pending or established. An admitted connection holds
 * a {@link Ticket} while its socket is open (whoever closes it, whatever transport it ended up in);
 * the accept path refuses (closes at once) whatever does not get one, so silent connections cannot
 * pile up. Thread-safe.
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

  /** Every this many admissions, closed connections of every address are forgotten. */
  private static final int SWEEP_EVERY = 256;

  private final int maxPending;
  private final int maxPendingPerAddress;
  private final int maxPerAddress;
  private final Map<InetAddress, List<Ticket>> byAddress = new HashMap<>();
  private int pending;
  private long refused;
  private long admissions;

  public IncomingGate(int maxPending, int maxPendingPerAddress, int maxPerAddress) {
    this.maxPending = maxPending;
    this.maxPendingPerAddress = maxPendingPerAddress;
    this.maxPerAddress = maxPerAddress;
  }

  /** The agent's limits. */
  public static IncomingGate standard() {
    return new IncomingGate(MAX_PENDING, MAX_PENDING_PER_ADDRESS, MAX_PER_ADDRESS);
  }

  /** One admitted connection: pending until its handshake is read, counted while it is open. */
  public final class Ticket {
    private final BooleanSupplier open;
    private boolean pending = true;
    private boolean released;

    private Ticket(BooleanSupplier open) {
      this.open = open;
    }

    /** The handshake was read: the connection no longer counts as pending. Idempotent. */
    public void handshakeDone() {
      synchronized (IncomingGate.this) {
        endPending();
      }
    }

    /** The connection was closed before it was handed on. Idempotent. */
    public void release() {
      synchronized (IncomingGate.this) {
        endPending();
        released = true;
      }
    }

    private void endPending() {
      if (pending) {
        pending = false;
        IncomingGate.this.pending--;
      }
    }

    private boolean counts() {
      return pending || (!released && open.getAsBoolean());
    }
  }

  /**
   * A ticket for a connection from {@code address}, or empty if a limit is reached.
   *
   * @param open whether the connection is still open (its socket's state)
   */
  public synchronized Optional<Ticket> admit(InetAddress address, BooleanSupplier open) {
    if (++admissions % SWEEP_EVERY == 0) {
      byAddress.keySet().removeIf(key -> sweep(key).isEmpty());
    }
    List<Ticket> tickets = sweep(address);
    long pendingHere = tickets.stream().filter(ticket -> ticket.pending).count();
    if (pending >= maxPending
        || pendingHere >= maxPendingPerAddress
        || tickets.size() >= maxPerAddress) {
      refused++;
      return Optional.empty();
    }
    Ticket ticket = new Ticket(open);
    pending++;
    byAddress.computeIfAbsent(address, key -> new ArrayList<>()).add(ticket);
    return Optional.of(ticket);
  }

  private List<Ticket> sweep(InetAddress address) {
    List<Ticket> tickets = byAddress.getOrDefault(address, new ArrayList<>());
    tickets.removeIf(ticket -> !ticket.counts());
    return tickets;
  }

  /** Handshakes in progress now. */
  public synchronized int pending() {
    return pending;
  }

  /** Connections from {@code address} now, pending or established and open. */
  public synchronized int open(InetAddress address) {
    return sweep(address).size();
  }

  /** Connections refused so far. */
  public synchronized long refused() {
    return refused;
  }
}
