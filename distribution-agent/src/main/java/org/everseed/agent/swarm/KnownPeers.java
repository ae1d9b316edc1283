package org.everseed.agent.swarm;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.PeerAddress;

/**
 * The addresses a torrent knows peers at (from its trackers, peer exchange, the command line and
 * incoming peers' BEP 10 listen port), when each may be dialled again, which are being dialled now,
 * and which are banned. Our own address is never taken. Guarded by the session's lock.
 */
final class KnownPeers {

  /** How long an address rests after a connection to it ended or was tried. */
  static final long RECONNECT_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int ourListenPort;
  private final Map<PeerAddress, Long> dialableFrom = new HashMap<>();
  private final Set<PeerAddress> dialling = new HashSet<>();
  private final Set<PeerAddress> banned = new HashSet<>();

  KnownPeers(int ourListenPort) {
    this.ourListenPort = ourListenPort;
  }

  /** A peer heard of (tracker, peer exchange, command line): dialable at once if new. */
  void add(PeerAddress address) {
    if (!isSelf(address) && !banned.contains(address)) {
      dialableFrom.putIfAbsent(address, 0L);
    }
  }

  /** An incoming peer said where it listens: no need to dial it while it is connected. */
  void connectedFrom(PeerAddress listenAddress, long now) {
    dialableFrom.put(listenAddress, now + RECONNECT_BACKOFF_NANOS);
  }

  /** A connection ended: its address rests before it is dialled again. */
  void disconnected(PeerAddress listenAddress, long now) {
    if (listenAddress != null && dialableFrom.containsKey(listenAddress)) {
      dialableFrom.put(listenAddress, now + RECONNECT_BACKOFF_NANOS);
    }
  }

  /**
   * Picks up to {@code free} addresses to dial, at random among those not connected, not being
   * dialled, not banned and rested; marks them as being dialled.
   */
  List<PeerAddress> startDialling(Set<PeerAddress> connected, int free, long now, Random random) {
    List<PeerAddress> chosen = new ArrayList<>();
    List<PeerAddress> candidates = new ArrayList<>(dialableFrom.keySet());
    Collections.shuffle(candidates, random);
    for (PeerAddress address : candidates) {
      if (chosen.size() >= free) {
        break;
      }
      if (connected.contains(address)
          || dialling.contains(address)
          || banned.contains(address)
          || dialableFrom.get(address) > now) {
        continue;
      }
      dialling.add(address);
      dialableFrom.put(address, now + RECONNECT_BACKOFF_NANOS);
      chosen.add(address);
    }
    return chosen;
  }

  /** A dial ended, connected or not. */
  void diallingDone(PeerAddress address) {
    dialling.remove(address);
  }

  int dialling() {
    return dialling.size();
  }

  void ban(PeerAddress address) {
    banned.add(address);
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
