import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.peer.IdentityFiles;
import org.everseed.agent.peer.TlsTransport;
import org.everseed.api.wire.PeerAddress;

/**
 * The cost of one TLS connection between two fleet agents (bench/tls.sh runs it): {@code n}
 * connections on loopback, each a full TLS 1.3 handshake with both certificates checked, then one
 * byte each way. Prints wall time per connection and the process's CPU time per connection (both
 * ends are in this process). Every connection goes to a listening port of its own, as every peer
 * of a swarm is another address, so the client has no session to resume: each handshake is a full
 * one. A warm-up of n/5 connections runs first (JIT).
 *
 * <p>java -cp everseed-agent.jar:lib/* bench/TlsHandshakes.java identity-1 identity-2 300
 */
public class TlsHandshakes {
  public static void main(String[] args) throws Exception {
    FleetTls server = IdentityFiles.load(Path.of(args[0]));
    FleetTls client = IdentityFiles.load(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ExecutorService acceptor = Executors.newSingleThreadExecutor();
    try {
      connections(n / 5, server, client, scheduler, acceptor);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      String negotiated = connections(n, server, client, scheduler, acceptor);
      long wall = System.nanoTime() - wall0;
      long cpu = os.getProcessCpuTime() - cpu0;
      System.out.println("| TLS connections between fleet agents (" + negotiated + ", EC P-256, mutual) | per connection |");
      System.out.println("|---|---|");
      System.out.printf("| wall time, handshake + 1 byte each way (%d in a row) | %.2f ms |%n", n, wall / 1e6 / n);
      System.out.printf("| CPU time, both ends together | %.2f ms |%n", cpu / 1e6 / n);
    } finally {
      acceptor.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  private static String connections(
      int n,
      FleetTls server,
      FleetTls client,
      ScheduledExecutorService scheduler,
      ExecutorService acceptor)
      throws Exception {
    String negotiated = "";
    Duration timeout = Duration.ofSeconds(10);
    for (int i = 0; i < n; i++) {
      ServerSocketChannel listening = ServerSocketChannel.open();
      listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      PeerAddress address = PeerAddress.of((InetSocketAddress) listening.getLocalAddress());
      Future<TlsTransport> accepted =
          acceptor.submit(
              () -> {
                SocketChannel channel = listening.accept();
                ByteBuffer first = ByteBuffer.allocate(1);
                channel.read(first);
                return server.accept(channel, first.flip(), timeout, scheduler);
              });
      try (TlsTransport dialled = client.connect(address, timeout, scheduler);
          TlsTransport taken = accepted.get()) {
        dialled.write(ByteBuffer.wrap(new byte[] {1}));
        taken.read(ByteBuffer.allocate(1));
        taken.write(ByteBuffer.wrap(new byte[] {2}));
        dialled.read(ByteBuffer.allocate(1));
        negotiated = dialled.negotiated();
      } finally {
        listening.close();
      }
    }
    return negotiated;
  }
}
