package org.everseed.agent.swarm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.peer.FrameReader;
import org.everseed.agent.peer.PeerHandshaker;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.agent.peer.PlainTransport;
import org.everseed.api.Version;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.wire.ExtensionHandshake;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.MetadataMessage;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;

/**
 * Gets a torrent's info dictionary from peers by BEP 9 ({@code ut_metadata}), so a magnet link is
 * enough to start: tries the peers one after the other, asks for every 16 KiB piece, and accepts
 * the result only if its SHA-1 is the magnet's info-hash. Each read waits at most the timeout, and
 * one peer gets three times the timeout in all.
 */
public final class MetadataFetcher {

  private static final int OUR_METADATA_ID = 3;
  private static final int READ_BUFFER = 64 << 10;

  private final PeerHandshaker handshaker;
  private final int listenPort;
  private final Duration timeout;
  private final ScheduledExecutorService scheduler;

  public MetadataFetcher(
      PeerHandshaker handshaker,
      int listenPort,
      Duration timeout,
      ScheduledExecutorService scheduler) {
    this.handshaker = handshaker;
    this.listenPort = listenPort;
    this.timeout = timeout;
    this.scheduler = scheduler;
  }

  /** The verified info dictionary bytes, or empty if no peer gave them. */
  public Optional<byte[]> fetch(InfoHash infoHash, List<PeerAddress> peers) {
    for (PeerAddress peer : peers) {
      try (PeerTransport transport = PlainTransport.connect(peer, timeout)) {
        Optional<byte[]> info = fetchFrom(infoHash, transport);
        if (info.isPresent()) {
          return info;
        }
      } catch (IOException | PeerWireException e) {
        // This peer could not help; try the next.
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> fetchFrom(InfoHash infoHash, PeerTransport transport)
      throws IOException {
    Handshake remote = handshaker.initiate(transport, infoHash, false);
    if (!remote.supportsExtensionProtocol()) {
      return Optional.empty();
    }
    send(
        transport,
        new PeerMessage.Extended(
            0,
            new ExtensionHandshake(
                    Map.of(ExtensionHandshake.UT_METADATA, OUR_METADATA_ID),
                    OptionalInt.of(listenPort),
                    Optional.of(Version.clientName()),
                    OptionalInt.empty(),
                    OptionalInt.empty())
                .encode()));
    FrameReader frames = new FrameReader(transport, READ_BUFFER, false);
    byte[] info = null;
    int received = 0;
    boolean[] have = null;
    long deadline = System.nanoTime() + timeout.toNanos() * 3;
    while (System.nanoTime() < deadline) {
      PeerMessage message = read(frames, transport, deadline);
      if (!(message instanceof PeerMessage.Extended extended)) {
        continue;
      }
      if (extended.extendedId() == 0 && info == null) {
        ExtensionHandshake handshake = ExtensionHandshake.decode(extended.payload());
        int theirId = handshake.idOf(ExtensionHandshake.UT_METADATA).orElse(0);
        int size = handshake.metadataSize().orElse(0);
        if (theirId == 0 || size <= 0) {
          return Optional.empty();
        }
        info = new byte[size];
        int pieces = (size + MetadataMessage.PIECE_SIZE - 1) / MetadataMessage.PIECE_SIZE;
        have = new boolean[pieces];
        for (int piece = 0; piece < pieces; piece++) {
          send(
              transport,
              new PeerMessage.Extended(theirId, MetadataMessage.request(piece).encode()));
        }
      } else if (extended.extendedId() == OUR_METADATA_ID && info != null) {
        MetadataMessage data = MetadataMessage.decode(extended.payload());
        if (data.type() != MetadataMessage.DATA
            || data.totalSize() != info.length
            || data.piece() >= have.length) {
          return Optional.empty();
        }
        int from = data.piece() * MetadataMessage.PIECE_SIZE;
        byte[] bytes = data.data();
        int expected = Math.min(MetadataMessage.PIECE_SIZE, info.length - from);
        if (bytes.length != expected) {
          return Optional.empty();
        }
        System.arraycopy(bytes, 0, info, from, bytes.length);
        if (!have[data.piece()]) {
          have[data.piece()] = true;
          received++;
        }
        if (received == have.length) {
          return InfoHash.ofInfoDictionary(info).equals(infoHash)
              ? Optional.of(info)
              : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The next message, waiting at most the timeout and not past {@code deadline}. */
  private PeerMessage read(FrameReader frames, PeerTransport transport, long deadline)
      throws IOException {
    long waitNanos = Math.min(timeout.toNanos(), Math.max(0, deadline - System.nanoTime()));
    ScheduledFuture<?> watchdog =
        scheduler.schedule(transport::close, waitNanos, TimeUnit.NANOSECONDS);
    try {
      return PeerMessageCodec.decode(frames.next());
    } finally {
      watchdog.cancel(false);
    }
  }

  private static void send(PeerTransport transport, PeerMessage message) throws IOException {
    transport.write(ByteBuffer.wrap(PeerMessageCodec.encode(message)));
  }

  /**
   * A torrent made of fetched info bytes (kept byte for byte, so the info-hash holds), the first
   * tracker as {@code announce}, every tracker in one {@code announce-list} tier and the web seeds
   * as {@code url-list}.
   */
  public static Metainfo toMetainfo(byte[] info, List<String> trackers, List<String> webSeeds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(info.length + 256);
    out.write('d');
    if (!trackers.isEmpty()) {
      string(out, "announce");
      string(out, trackers.get(0));
      string(out, "announce-list");
      out.writeBytes("ll".getBytes(StandardCharsets.US_ASCII));
      trackers.forEach(tracker -> string(out, tracker));
      out.writeBytes("ee".getBytes(StandardCharsets.US_ASCII));
    }
    string(out, "info");
    out.writeBytes(info);
    if (!webSeeds.isEmpty()) {
      string(out, "url-list");
      out.write('l');
      webSeeds.forEach(url -> string(out, url));
      out.write('e');
    }
    out.write('e');
    return Metainfo.parse(out.toByteArray());
  }

  private static void string(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
  }
}
