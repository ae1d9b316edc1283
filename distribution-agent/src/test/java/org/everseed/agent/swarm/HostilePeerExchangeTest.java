package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.agent.Agent;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.ExtensionHandshake;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerExchange;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerMessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, played against a running agent over real sockets: peer exchange must not make the agent
 * dial forbidden addresses (127.0.0.2 stands in for 169.254.169.254 and the like, since the test
 * agent may dial 127.0.0.1 only) or anything named by a peer that merely connected and called
 * itself Everseed. A tracker-given peer's allowed address, sent in the same message as the
 * forbidden one, is dialled: the control that shows the agent acted on the message.
 */
class HostilePeerExchangeTest {

  private static int attackers;

  @TempDir Path temp;

  private final List<ServerSocket> listeners = new java.util.ArrayList<>();

  @AfterEach
  void close() throws IOException {
    for (ServerSocket listener : listeners) {
      listener.close();
    }
  }

  /** A listener on {@code ip:port} counting the connections it gets. */
  private AtomicInteger counting(InetAddress ip, int port, CountDownLatch first)
      throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.bind(new InetSocketAddress(ip, port));
    listeners.add(listener);
    AtomicInteger accepted = new AtomicInteger();
    Thread thread =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                  accepted.incrementAndGet();
                  first.countDown();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return accepted;
  }

  private static void send(OutputStream out, PeerMessage message) throws IOException {
    out.write(PeerMessageCodec.encode(message));
    out.flush();
  }

  /** Handshakes on {@code socket}, claims to be Everseed, sends {@code added} as peer exchange. */
  private static void exchange(
      Socket socket, Metainfo torrent, boolean weInitiate, List<PeerAddress> added)
      throws IOException {
    OutputStream out = socket.getOutputStream();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] theirs = new byte[Handshake.LENGTH];
    // Each attacker its own peer id: the agent keeps one connection per peer id.
    byte[] ourId =
        String.format("-XX0001-attacker%04d", ++attackers).getBytes(StandardCharsets.US_ASCII);
    if (weInitiate) {
      out.write(Handshake.of(torrent.infoHash(), ourId, true).encode());
      in.readFully(theirs);
    } else {
      in.readFully(theirs);
      out.write(Handshake.of(torrent.infoHash(), ourId, true).encode());
    }
    ExtensionHandshake claim =
        new ExtensionHandshake(
            Map.of(ExtensionHandshake.UT_PEX, 1),
            OptionalInt.empty(),
            Optional.of("Everseed 0.1.0"),
            OptionalInt.empty(),
            OptionalInt.empty());
    send(out, new PeerMessage.Extended(0, claim.encode()));
    send(
        out,
        new PeerMessage.Extended(
            Extensions.UT_PEX_ID, new PeerExchange(added, List.of()).encode()));
    drain(socket.getInputStream());
  }

  private static void drain(InputStream in) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                while (in.read(buffer) >= 0) {
                  // what the agent sends is not this test's business
                }
              } catch (IOException closed) {
                // done
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  @Test
  @Timeout(60)
  void peerExchangeCannotMakeTheAgentDialForbiddenOrUnvouchedAddresses() throws Exception {
    InetAddress allowed = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    InetAddress forbidden = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    Path payload = TestPayloads.write(temp.resolve("seed/data.bin"), 300_000, 5);
    Metainfo torrent = TorrentCreator.of(payload).pieceLength(64 * 1024).create();
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch controlDialled = new CountDownLatch(1);
    AtomicInteger forbiddenDials = counting(forbidden, 21402, never);
    AtomicInteger controlDials = counting(allowed, 21403, controlDialled);
    AtomicInteger unvouchedDials = counting(allowed, 21404, never);
    AtomicInteger servicePortDials = counting(allowed, 21450, never);

    // Peers only at 127.0.0.1, ports 21400-21449: 21450 stands in for a service port.
    AgentConfig config =
        TestPayloads.loopbackConfig().toBuilder()
            .peerAddressPolicy(
                TestPayloads.loopbackConfig().peerAddressPolicy().withPorts(21400, 21449))
            .build();
    try (Agent agent = Agent.start(config);
        ServerSocket given = new ServerSocket()) {
      given.bind(new InetSocketAddress(allowed, 21401));
      TorrentSession session =
          agent.download(
              torrent,
              temp.resolve("out"),
              temp.resolve("out.resume"),
              TestPayloads.printingListener("agent"));

      // An incoming peer calling itself Everseed names an address the policy would allow.
      try (Socket incoming = new Socket(allowed, agent.listenPort())) {
        exchange(incoming, torrent, true, List.of(new PeerAddress(allowed, 21404)));

        // A peer the tracker gave: its exchange is taken, within the policy.
        session.addPeers(List.of(new PeerAddress(allowed, 21401)));
        try (Socket dialled = given.accept()) {
          exchange(
              dialled,
              torrent,
              false,
              List.of(
                  new PeerAddress(forbidden, 21402),
                  new PeerAddress(allowed, 21450),
                  new PeerAddress(allowed, 21403)));
          controlDialled.await();
          // The forbidden addresses came in the same message: had they been taken they would
          // have been dialled in the same round; two more dial rounds (one per second) are given.
          Thread.sleep(2_500);
        }
      }
    }
    assertEquals(1, controlDials.get() > 0 ? 1 : 0, "the allowed address was dialled");
    assertEquals(0, forbiddenDials.get(), "127.0.0.2 stands in for a forbidden address");
    assertEquals(0, servicePortDials.get(), "port 21450 is outside the peer port range");
    assertEquals(0, unvouchedDials.get(), "named by a peer that only connected to us");
  }
}
