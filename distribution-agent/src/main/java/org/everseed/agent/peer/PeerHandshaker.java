package org.everseed.agent.peer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerWireException;

/**
 * The BEP 3 handshake, the one copy in the agent: outgoing connections (swarm sessions, the
 * metadata fetcher) send theirs first, incoming ones read the peer's first and answer once the
 * torrent is known. Each step is bounded in time: a deadline closes the transport, which fails the
 * blocked read or write.
 *
 * <pre>
 * handshake: &lt;pstrlen=19&gt;&lt;"BitTorrent protocol"&gt;&lt;reserved: 8&gt;&lt;info_hash: 20&gt;&lt;peer_id: 20&gt;
 * </pre>
 */
public final class PeerHandshaker {

  private final byte[] ourPeerId;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler;

  public PeerHandshaker(byte[] ourPeerId, Duration timeout, ScheduledExecutorService scheduler) {
    this.ourPeerId = ourPeerId.clone();
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  /**
   * Outgoing: sends our handshake, reads the peer's.
   *
   * @param fastExtension whether to announce BEP 6
   * @throws IOException if the peer answers late, for another torrent, or is ourselves
   */
  public Handshake initiate(PeerTransport transport, InfoHash infoHash, boolean fastExtension)
      throws IOException {
    ScheduledFuture<?> deadline = deadline(transport);
    try {
      transport.write(ByteBuffer.wrap(Handshake.of(infoHash, ourPeerId, fastExtension).encode()));
      Handshake theirs = read(transport);
      if (!theirs.infoHash().equals(infoHash)) {
        throw new IOException("peer wants another torrent");
      }
      requireNotOurselves(theirs);
      return theirs;
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * Incoming, first half: reads the peer's handshake. The caller finds the torrent it names, then
   * {@link #answer}s.
   */
  public Handshake receive(PeerTransport transport) throws IOException {
    ScheduledFuture<?> deadline = deadline(transport);
    try {
      return read(transport);
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * Incoming, second half: answers with our handshake for the torrent the peer named.
   *
   * @throws IOException if the peer is ourselves or does not take the answer in time
   */
  public void answer(PeerTransport transport, Handshake theirs, boolean fastExtension)
      throws IOException {
    requireNotOurselves(theirs);
    ScheduledFuture<?> deadline = deadline(transport);
    try {
      transport.write(
          ByteBuffer.wrap(Handshake.of(theirs.infoHash(), ourPeerId, fastExtension).encode()));
    } finally {
      deadline.cancel(false);
    }
  }

  private ScheduledFuture<?> deadline(PeerTransport transport) {
    return scheduler.schedule(transport::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Handshake read(PeerTransport transport) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Handshake.LENGTH);
    while (buffer.hasRemaining()) {
      if (transport.read(buffer) < 0) {
        throw new EOFException("peer closed during the handshake");
      }
    }
    try {
      return Handshake.decode(buffer.array());
    } catch (PeerWireException e) {
      throw new IOException("bad handshake: " + e.getMessage(), e);
    }
  }

  private void requireNotOurselves(Handshake theirs) throws IOException {
    if (Arrays.equals(theirs.peerId(), ourPeerId)) {
      throw new IOException("connected to ourselves");
    }
  }
}
