package org.everseed.agent.swarm;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 * the result only if its SHA-1 is the magnet's info-hash.
 */
public final class MetadataFetcher {

  private static final int OUR_METADATA_ID = 3;

  private final byte[] peerId;
  private final int listenPort;
  private final Duration timeout;

  public MetadataFetcher(byte[] peerId, int listenPort, Duration timeout) {
    this.peerId = peerId.clone();
    this.listenPort = listenPort;
    this.timeout = timeout;
  }

  /** The verified info dictionary bytes, or empty if no peer gave them. */
  public Optional<byte[]> fetch(InfoHash infoHash, List<PeerAddress> peers) {
    for (PeerAddress peer : peers) {
      try {
        Optional<byte[]> info = fetchFrom(infoHash, peer);
        if (info.isPresent()) {
          return info;
        }
      } catch (IOException | PeerWireException e) {
        // This peer could not help; try the next.
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> fetchFrom(InfoHash infoHash, PeerAddress peer) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(peer.toSocketAddress(), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      out.write(Handshake.of(infoHash, peerId, false).encode());
      byte[] theirs = new byte[Handshake.LENGTH];
      in.readFully(theirs);
      Handshake remote = Handshake.decode(theirs);
      if (!remote.infoHash().equals(infoHash) || !remote.supportsExtensionProtocol()) {
        return Optional.empty();
      }
      out.write(
          PeerMessageCodec.encode(
              new PeerMessage.Extended(
                  0,
                  new ExtensionHandshake(
                          Map.of(ExtensionHandshake.UT_METADATA, OUR_METADATA_ID),
                          OptionalInt.of(listenPort),
                          Optional.of(Version.clientName()),
                          OptionalInt.empty(),
                          OptionalInt.empty())
                      .encode())));
      byte[] info = null;
      int theirId = 0;
      int received = 0;
      boolean[] have = null;
      long deadline = System.nanoTime() + timeout.toNanos() * 3;
      while (System.nanoTime() < deadline) {
        PeerMessage message = readMessage(in);
        if (!(message instanceof PeerMessage.Extended extended)) {
          continue;
        }
        if (extended.extendedId() == 0 && info == null) {
          ExtensionHandshake handshake = ExtensionHandshake.decode(extended.payload());
          theirId = handshake.idOf(ExtensionHandshake.UT_METADATA).orElse(0);
          int size = handshake.metadataSize().orElse(0);
          if (theirId == 0 || size <= 0) {
            return Optional.empty();
          }
          info = new byte[size];
          int pieces = (size + MetadataMessage.PIECE_SIZE - 1) / MetadataMessage.PIECE_SIZE;
          have = new boolean[pieces];
          for (int piece = 0; piece < pieces; piece++) {
            out.write(
                PeerMessageCodec.encode(
                    new PeerMessage.Extended(theirId, MetadataMessage.request(piece).encode())));
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

  private static PeerMessage readMessage(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > PeerMessageCodec.MAX_MESSAGE_LENGTH) {
      throw new PeerWireException("declared message length " + length + " is out of range");
    }
    byte[] frame = new byte[PeerMessageCodec.PREFIX_LENGTH + length];
    frame[0] = (byte) (length >>> 24);
    frame[1] = (byte) (length >>> 16);
    frame[2] = (byte) (length >>> 8);
    frame[3] = (byte) length;
    in.readFully(frame, PeerMessageCodec.PREFIX_LENGTH, length);
    return PeerMessageCodec.decode(Arrays.copyOf(frame, frame.length));
  }
}
