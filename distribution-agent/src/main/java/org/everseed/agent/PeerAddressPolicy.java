package org.everseed.agent;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.everseed.api.wire.PeerAddress;

/**
 * Which addresses an agent may dial, whoever named them (tracker answers, peer exchange, an
 * incoming peer's listen port, the command line): never loopback, link-local ({@code 169.254/16},
 * {@code fe80::/10}), multicast, unspecified ({@code 0/8}, {@code ::}), broadcast or IPv4 hidden in
 * an IPv4-compatible IPv6 address, and only ports within {@code [minPort, maxPort]} (port 0 never).
 * Otherwise a peer list could make agents dial host:ports of the attacker's choice on the agent's
 * own machine or network (blind SSRF, port scans). Loopback is allowed only when configured: all
 * loopback addresses, or only those in {@code loopbackAddresses} (test rigs allow 127.0.0.1 alone,
 * so 127.0.0.2–127.0.0.9 stand in for forbidden addresses).
 *
 * @param allowLoopback whether loopback addresses may be dialled at all
 * @param loopbackAddresses when not empty, the only loopback addresses that may be dialled
 * @param minPort the lowest port dialled (1024 by default: no well-known service ports)
 * @param maxPort the highest port dialled
 */
public record PeerAddressPolicy(
    boolean allowLoopback, Set<InetAddress> loopbackAddresses, int minPort, int maxPort) {

  /** Below this, ports belong to well-known services (SSH, SMTP, HTTP...), not to peers. */
  public static final int DEFAULT_MIN_PORT = 1024;

  public PeerAddressPolicy {
    loopbackAddresses = Set.copyOf(loopbackAddresses);
    if (minPort < 1 || maxPort > 0xFFFF || minPort > maxPort) {
      throw new IllegalArgumentException("peer port range " + minPort + "-" + maxPort + " invalid");
    }
    for (InetAddress address : loopbackAddresses) {
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException(address + " is not a loopback address");
      }
    }
  }

  /** The production policy: no loopback, ports 1024–65535. */
  public static PeerAddressPolicy strict() {
    return new PeerAddressPolicy(false, Set.of(), DEFAULT_MIN_PORT, 0xFFFF);
  }

  /** This policy with loopback allowed: any loopback address if {@code only} is empty. */
  public PeerAddressPolicy allowingLoopback(Set<InetAddress> only) {
    return new PeerAddressPolicy(true, only, minPort, maxPort);
  }

  /** This policy with another port range. */
  public PeerAddressPolicy withPorts(int min, int max) {
    return new PeerAddressPolicy(allowLoopback, loopbackAddresses, min, max);
  }

  public boolean allows(PeerAddress peer) {
    return refusal(peer).isEmpty();
  }

  /** Why {@code peer} may not be dialled, or empty if it may. */
  public Optional<String> refusal(PeerAddress peer) {
    int port = peer.port();
    if (port < minPort || port > maxPort) {
      return Optional.of("port " + port + " outside " + minPort + "-" + maxPort);
    }
    InetAddress ip = peer.address();
    if (ip.isLoopbackAddress()) {
      if (!allowLoopback) {
        return Optional.of("loopback address");
      }
      if (!loopbackAddresses.isEmpty() && !loopbackAddresses.contains(ip)) {
        return Optional.of("loopback address not among " + loopbackAddresses);
      }
      return Optional.empty();
    }
    if (ip.isAnyLocalAddress() || isThisNetwork(ip)) {
      return Optional.of("unspecified address");
    }
    if (ip.isLinkLocalAddress()) {
      return Optional.of("link-local address");
    }
    if (ip.isMulticastAddress()) {
      return Optional.of("multicast address");
    }
    if (isBroadcast(ip)) {
      return Optional.of("broadcast address");
    }
    if (isIpv4Compatible(ip)) {
      return Optional.of("IPv4-compatible IPv6 address");
    }
    return Optional.empty();
  }

  // 0.0.0.0/8 means "this host on this network": some stacks connect it to the local host.
  private static boolean isThisNetwork(InetAddress ip) {
    return ip instanceof Inet4Address && ip.getAddress()[0] == 0;
  }

  private static boolean isBroadcast(InetAddress ip) {
    if (!(ip instanceof Inet4Address)) {
      return false;
    }
    for (byte b : ip.getAddress()) {
      if (b != (byte) 0xFF) {
        return false;
      }
    }
    return true;
  }

  // ::a.b.c.d (deprecated) reaches the IPv4 address a.b.c.d on some stacks, bypassing the checks
  // above; ::ffff:a.b.c.d needs no rule, the JDK turns it into the IPv4 address itself.
  private static boolean isIpv4Compatible(InetAddress ip) {
    if (!(ip instanceof Inet6Address)) {
      return false;
    }
    byte[] bytes = ip.getAddress();
    for (int i = 0; i < 12; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
