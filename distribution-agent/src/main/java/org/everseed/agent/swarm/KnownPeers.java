package org.everseed.agent.swarm;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.PeerAddressPolicy;
import org.everseed.api.wire.PeerAddress;

/**
 * The addresses a torrent knows peers at, bounded and aged: where each came from, when it may be
 * dialled again, which are being dialled now, and which are banned. Every address passes the {@link
 * PeerAddressPolicy} first; our own address is never taken. At most {@code capacity} addresses are
 * kept: when full, an address given by the tracker or the operator displaces one learned by peer
 * exchange or from an incoming peer, and those learned ones are refused. An address not heard of
 * for {@link #EXPIRY_NANOS} is forgotten; one whose dials fail rests longer after each failure and
 * is forgotten after {@link #MAX_DIAL_FAILURES}. Picking addresses to dial scans the set in a
 * random order without copying it. Guarded by the session's lock.
 */
final class KnownPeers {

  /** Where an address came from: only given ones vouch for the peer at that address. */
  enum Source {
    /** From the tracker's answer or the operator (command line): what we were told to dial. */
    GIVEN,
    /** From a peer's BEP 11 peer exchange. */
    EXCHANGED,
    /** The listen port an incoming peer declared in its BEP 10 handshake. */
    INCOMING
  }

  /** How long an address rests after a connection to it ended or was tried. */
  static final long RECONNECT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** The longest rest after repeated failures. */
  static final long MAX_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** Failed dials in a row after which an address is forgotten. */
  static final int MAX_DIAL_FAILURES = 5;

  /** An address nobody mentioned this long (trackers re-announce every 30 min at most) goes. */
  static final long EXPIRY_NANOS = TimeUnit.HOURS.toNanos(1);

  /** Banned addresses remembered (the oldest ban is forgotten first). */
  static final int MAX_BANNED = 1000;

  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private static final class Entry {
    final PeerAddress address;
    Source source;
    int slot;
    long lastHeard;
    long dialableFrom;
    int failures;
    boolean dialling;

    Entry(PeerAddress address, Source source, long now) {
      this.address = address;
      this.source = source;
      this.lastHeard = now;
    }
  }

  private final int ourListenPort;
  private final PeerAddressPolicy policy;
  private final int capacity;
  private final Map<PeerAddress, Entry> entries = new HashMap<>();
  // The same entries in a list, each knowing its slot: removal swaps the last one in.
  private final List<Entry> slots = new ArrayList<>();
  private final Set<PeerAddress> banned = new LinkedHashSet<>();
  private int dialling;
  private boolean expiryStarted;
  private long nextExpiry;

  KnownPeers(int ourListenPort, PeerAddressPolicy policy, int capacity) {
    this.ourListenPort = ourListenPort;
    this.policy = policy;
    this.capacity = capacity;
  }

  /**
   * An address heard of: dialable at once if new. Refused if the policy forbids it, it is ours or
   * banned, or the set is full (see the class comment).
   *
   * @return whether the address is known now
   */
  boolean add(PeerAddress address, Source source, long now) {
    if (!policy.allows(address) || isSelf(address) || banned.contains(address)) {
      return false;
    }
    Entry entry = entries.get(address);
    if (entry != null) {
      entry.lastHeard = now;
      if (source == Source.GIVEN) {
        entry.source = Source.GIVEN;
      }
      return true;
    }
    if (entries.size() >= capacity && !(source == Source.GIVEN && evictOneLearned())) {
      return false;
    }
    entry = new Entry(address, source, now);
    entry.dialableFrom = now;
    entry.slot = slots.size();
    slots.add(entry);
    entries.put(address, entry);
    return true;
  }

  /**
   * Addresses a peer sent by peer exchange: up to {@code budget} of them are taken (each through
   * {@link #add}, as {@link Source#EXCHANGED}).
   *
   * @return how many were taken
   */
  int addExchanged(List<PeerAddress> addresses, int budget, long now) {
    int taken = 0;
    for (Iterator<PeerAddress> it = addresses.iterator(); it.hasNext() && taken < budget; ) {
      if (add(it.next(), Source.EXCHANGED, now)) {
        taken++;
      }
    }
    return taken;
  }

  /** Whether the tracker or the operator gave this address (so we dialled it on their word). */
  boolean isGiven(PeerAddress address) {
    Entry entry = entries.get(address);
    return entry != null && entry.source == Source.GIVEN;
  }

  /** An incoming peer said where it listens: no need to dial it while it is connected. */
  void connectedFrom(PeerAddress listenAddress, long now) {
    if (add(listenAddress, Source.INCOMING, now)) {
      entries.get(listenAddress).dialableFrom = now + RECONNECT_BACKOFF_NANOS;
    }
  }

  /** A connection ended: its address rests before it is dialled again. */
  void disconnected(PeerAddress listenAddress, long now) {
    Entry entry = listenAddress == null ? null : entries.get(listenAddress);
    if (entry != null) {
      entry.dialableFrom = now + RECONNECT_BACKOFF_NANOS;
    }
  }

  /**
   * Picks up to {@code free} addresses to dial, in a random order, among those not connected, not
   * being dialled and rested; marks them as being dialled. Forgets expired addresses first (at most
   * once a minute).
   */
  List<PeerAddress> startDialling(Set<PeerAddress> connected, int free, long now, Random random) {
    if (!expiryStarted || now - nextExpiry >= 0) {
      expiryStarted = true;
      expire(now);
      nextExpiry = now + MINUTE_NANOS;
    }
    List<PeerAddress> chosen = new ArrayList<>();
    int n = slots.size();
    if (n == 0 || free <= 0) {
      return chosen;
    }
    // Visiting start, start+stride, ... with a stride coprime to n reaches every slot once.
    int start = random.nextInt(n);
    int stride = 1 + random.nextInt(n);
    while (gcd(stride, n) != 1) {
      stride++;
    }
    for (int i = 0; i < n && chosen.size() < free; i++) {
      Entry entry = slots.get((int) ((start + (long) i * stride) % n));
      if (entry.dialling
          || entry.dialableFrom - now > 0
          || connected.contains(entry.address)
          || banned.contains(entry.address)) {
        continue;
      }
      entry.dialling = true;
      dialling++;
      entry.dialableFrom = now + RECONNECT_BACKOFF_NANOS;
      chosen.add(entry.address);
    }
    return chosen;
  }

  /**
   * A dial ended. A failed one (no connection, or no BitTorrent handshake for this torrent) makes
   * the address rest twice as long as the last time, and after {@link #MAX_DIAL_FAILURES} in a row
   * forgets it.
   */
  void diallingDone(PeerAddress address, boolean connected, long now) {
    Entry entry = entries.get(address);
    if (entry == null || !entry.dialling) {
      return;
    }
    entry.dialling = false;
    dialling--;
    if (connected) {
      entry.failures = 0;
      return;
    }
    entry.failures++;
    if (entry.failures >= MAX_DIAL_FAILURES) {
      remove(entry);
      return;
    }
    long backoff = Math.min(MAX_BACKOFF_NANOS, RECONNECT_BACKOFF_NANOS << entry.failures);
    entry.dialableFrom = now + backoff;
  }

  int dialling() {
    return dialling;
  }

  int size() {
    return entries.size();
  }

  void ban(PeerAddress address) {
    banned.remove(address);
    banned.add(address);
    if (banned.size() > MAX_BANNED) {
      Iterator<PeerAddress> oldest = banned.iterator();
      oldest.next();
      oldest.remove();
    }
    Entry entry = entries.get(address);
    if (entry != null && !entry.dialling) {
      remove(entry);
    }
  }

  private void expire(long now) {
    for (int i = slots.size() - 1; i >= 0; i--) {
      Entry entry = slots.get(i);
      if (!entry.dialling && now - entry.lastHeard > EXPIRY_NANOS) {
        remove(entry);
      }
    }
  }

  /** Drops one learned (exchanged or incoming) address not being dialled, if there is one. */
  private boolean evictOneLearned() {
    for (int i = slots.size() - 1; i >= 0; i--) {
      Entry entry = slots.get(i);
      if (entry.source != Source.GIVEN && !entry.dialling) {
        remove(entry);
        return true;
      }
    }
    return false;
  }

  private void remove(Entry entry) {
    entries.remove(entry.address);
    Entry last = slots.remove(slots.size() - 1);
    if (last != entry) {
      last.slot = entry.slot;
      slots.set(entry.slot, last);
    }
    if (entry.dialling) {
      dialling--;
    }
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private boolean isSelf(PeerAddress address) {
    if (address.port() != ourListenPort) {
      return false;
    }
    InetAddress ip = address.address();
    if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(ip) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
