package org.everseed.api.tracker;

/** A peer as a tracker hands it out. */
public interface PeerEntry {

  /** Bytes of a compact IPv4 endpoint (BEP 23): 4 address bytes, then the port, big-endian. */
  int COMPACT_IPV4 = 6;

  /** Bytes of a compact IPv6 endpoint (BEP 7): 16 address bytes, then the port, big-endian. */
  int COMPACT_IPV6 = 18;

  /**
   * The compact endpoint, {@link #COMPACT_IPV4} or {@link #COMPACT_IPV6} bytes; implementations
   * keep it pre-encoded and callers must not change it.
   */
  byte[] compactEndpoint();

  /** The peer's 20-byte id; callers must not change it. */
  byte[] peerId();
}
