package org.everseed.agent.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, the hostile-peer suite: a scripted attacker ({@link HostilePeer}) against a real agent
 * process ({@code everseed-agent.jar fetch}, bound to 127.0.0.1, stopped by its PID even on
 * failure), one case per hole. In every case the agent downloads the payload from an honest seeder
 * at the same time, and the test asserts that the download completes with the right SHA-256, that
 * the agent's live heap stays bounded ({@code jcmd GC.heap_info} after a {@code GC.run}), that no
 * thread or socket is left behind ({@code /proc/<pid>/task}, {@code /proc/<pid>/fd}), and that the
 * attacker is disconnected, or banned where it broke the protocol.
 */
class HostilePeerIT {

  /** Live heap the agent may hold after a forced GC, under attack; it runs with -Xmx128m. */
  private static final long HEAP_BOUND = 48L << 20;

  /** Idle io threads linger 30 s in the pool after the connections they served closed. */
  private static final int THREAD_SLACK = 12;

  private static final int FD_SLACK = 3;

  private static final int PIECE = 64 * 1024;

  /** 99 pieces: not a multiple of 8, so a bitfield has spare bits. */
  private static final long SIZE = 99L * PIECE;

  private static final int OFFSET = Integer.getInteger("everseed.it.port.offset", 1000);
  private static final int SEEDER_PORT = 20000 + OFFSET + 60;
  private static final Path JAR = Path.of("target", "everseed-agent.jar");

  @TempDir static Path temp;
  static Path source;
  static Metainfo torrent;
  static Path torrentFile;
  static String sha256;
  static Agent seeder;
  static int nextPort = 20000 + OFFSET + 61;

  @BeforeAll
  static void seed() throws Exception {
    assertTrue(Files.exists(JAR), "run by failsafe after package: " + JAR.toAbsolutePath());
    source = TestPayloads.write(temp.resolve("seed/payload.bin"), SIZE, 11);
    torrent = TorrentCreator.of(source).pieceLength(PIECE).create();
    torrentFile = Files.write(temp.resolve("payload.torrent"), torrent.encoded());
    sha256 = TestPayloads.sha256(source);
    seeder =
        Agent.start(
            TestPayloads.loopbackConfig().toBuilder().listen("127.0.0.1", SEEDER_PORT).build());
    seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE);
  }

  @AfterAll
  static void stopSeeder() {
    if (seeder != null) {
      seeder.close();
    }
  }

  /** The agent under test: a {@code fetch} process downloading from the seeder at 3 MiB/s. */
  static final class AgentProcess implements AutoCloseable {
    final Process process;
    final int port;
    final Path dir;
    final Path log;

    AgentProcess(String name) throws Exception {
      port = nextPort++;
      dir = temp.resolve(name);
      Files.createDirectories(dir);
      log = temp.resolve(name + ".log");
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx128m",
              "-jar",
              JAR.toString(),
              "fetch",
              "--bind",
              "127.0.0.1",
              "--port",
              String.valueOf(port),
              "--dir",
              dir.toString(),
              "--peer",
              "127.0.0.1:" + SEEDER_PORT,
              "--download-limit",
              "3M",
              "--seed-after",
              "2m",
              torrentFile.toString());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      Path status = dir.resolve(".everseed").resolve("status.json");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(status)) {
        assertTrue(process.isAlive(), "the agent exited: " + log());
        assertTrue(System.nanoTime() < deadline, "no status file: " + log());
        Thread.sleep(50);
      }
    }

    long pid() {
      return process.pid();
    }

    int threads() throws IOException {
      return count(Path.of("/proc", String.valueOf(pid()), "task"));
    }

    int fds() throws IOException {
      return count(Path.of("/proc", String.valueOf(pid()), "fd"));
    }

    private static int count(Path folder) throws IOException {
      try (var entries = Files.list(folder)) {
        return (int) entries.count();
      }
    }

    /** Live heap after a full GC, from {@code jcmd GC.heap_info}. */
    long liveHeap() throws Exception {
      jcmd("GC.run");
      String info = jcmd("GC.heap_info");
      Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
      assertTrue(used.find(), info);
      return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) throws Exception {
      Process jcmd =
          new ProcessBuilder("jcmd", String.valueOf(pid()), what).redirectErrorStream(true).start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(jcmd.waitFor(30, TimeUnit.SECONDS));
      return output;
    }

    /** Waits for the download to land in place and checks its SHA-256. */
    void assertDownloadCompletes() throws Exception {
      Path target = dir.resolve(torrent.name());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!log().contains(" from peers, ")) {
        assertTrue(process.isAlive(), "the agent exited: " + log());
        assertTrue(System.nanoTime() < deadline, "download not complete: " + log());
        Thread.sleep(100);
      }
      assertEquals(sha256, TestPayloads.sha256(target));
    }

    String log() throws IOException {
      return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Baseline, attack, then the checks every case shares. */
  private void underAttack(String name, Attack attack, boolean banned) throws Exception {
    try (AgentProcess agent = new AgentProcess(name)) {
      int threads = agent.threads();
      int fds = agent.fds();
      attack.run(agent);
      long heap = agent.liveHeap();
      assertTrue(heap < HEAP_BOUND, "live heap " + heap + " bytes under attack");
      agent.assertDownloadCompletes();
      if (banned) {
        assertTrue(agent.log().contains("banning "), "the attacker was banned: " + agent.log());
      }
      assertTrue(agent.process.isAlive());
      int threadsAfter = agent.threads();
      int fdsAfter = agent.fds();
      assertTrue(
          threadsAfter <= threads + THREAD_SLACK, "threads " + threads + " -> " + threadsAfter);
      assertTrue(fdsAfter <= fds + FD_SLACK, "file descriptors " + fds + " -> " + fdsAfter);
      System.out.printf(
          "%s: live heap %d KiB, threads %d -> %d, fds %d -> %d%n",
          name, heap >> 10, threads, threadsAfter, fds, fdsAfter);
    }
  }

  @FunctionalInterface
  interface Attack {
    void run(AgentProcess agent) throws Exception;
  }

  private static String peerId(String tag) {
    return ("-XX0000-" + tag + "000000000000").substring(0, 20);
  }

  /**
   * Sends {@code message} in a loop without reading, on another thread; returns when the agent
   * closed the connection (the blocked write fails), or fails after {@code seconds}.
   */
  private static void floodUntilDropped(
      AgentProcess agent, HostilePeer attacker, Flood message, int seconds) throws Exception {
    CompletableFuture<Void> flood =
        CompletableFuture.runAsync(
            () -> {
              try {
                while (true) {
                  message.send(attacker);
                }
              } catch (IOException closedByAgent) {
                // What the case waits for.
              }
            });
    Thread.sleep(3000);
    long heap = agent.liveHeap();
    assertTrue(heap < HEAP_BOUND, "live heap " + heap + " bytes while flooded");
    flood.get(seconds, TimeUnit.SECONDS);
  }

  @FunctionalInterface
  interface Flood {
    void send(HostilePeer attacker) throws IOException;
  }

  @Test
  @Timeout(120)
  void metadataRequestsFromAPeerThatDoesNotReadAreBoundedAndItIsDropped() throws Exception {
    underAttack(
        "metadata-flood",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("meta"));
            assertTrue(attacker.readHandshake());
            attacker.extended(0, "d1:md11:ut_metadatai3eee");
            floodUntilDropped(
                agent, attacker, peer -> peer.extended(2, "d8:msg_typei0e5:piecei0ee"), 30);
          }
        },
        false);
  }

  @Test
  @Timeout(120)
  void blockRequestsFromAPeerThatDoesNotReadAreBoundedAndItIsDropped() throws Exception {
    underAttack(
        "request-flood",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("reqs"));
            assertTrue(attacker.readHandshake());
            attacker.send(2, new byte[0]); // interested
            int[] next = {0};
            // Ever other blocks: each is queued for upload (2048 at most) or refused with a reject.
            floodUntilDropped(
                agent,
                attacker,
                peer -> {
                  int i = next[0]++;
                  int pieces = torrent.pieceCount();
                  peer.request(i % pieces, (i / pieces % 4) * 16384, 16384);
                },
                30);
          }
        },
        false);
  }

  @Test
  @Timeout(120)
  void slowlorisAndSilentConnectionsAreCappedAndClosedByTheHandshakeDeadline() throws Exception {
    underAttack(
        "slowloris",
        agent -> {
          List<HostilePeer> attackers = new ArrayList<>();
          try {
            for (int i = 0; i < 40; i++) {
              attackers.add(HostilePeer.connect(agent.port));
            }
            // One byte of a handshake every 500 ms: 34 s for all of it, the deadline is 10 s.
            long started = System.nanoTime();
            int stillOpen = attackers.size();
            int round = 0;
            while (stillOpen > 0) {
              assertTrue(
                  System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20),
                  stillOpen + " slowloris connections outlived the deadline");
              stillOpen = 0;
              for (HostilePeer attacker : attackers) {
                try {
                  attacker.sendRaw(new byte[] {round == 0 ? (byte) 19 : (byte) 'B'});
                  if (!attacker.drainUntilClosed(1)) {
                    stillOpen++;
                  }
                } catch (IOException closed) {
                  // Refused at once or closed by the deadline.
                }
              }
              if (round == 2) {
                assertTrue(
                    stillOpen <= org.everseed.agent.peer.IncomingGate.MAX_PENDING_PER_ADDRESS,
                    stillOpen + " pending handshakes from one address");
              }
              round++;
              Thread.sleep(500);
            }
          } finally {
            for (HostilePeer attacker : attackers) {
              attacker.close();
            }
          }
        },
        false);
  }

  @Test
  @Timeout(120)
  void blocksNobodyAskedForAreDroppedAndTheSenderIsBanned() throws Exception {
    underAttack(
        "unrequested-blocks",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("unreq"));
            assertTrue(attacker.readHandshake());
            byte[] junk = new byte[16384];
            new Random(5).nextBytes(junk);
            try {
              for (int i = 0; i < 40; i++) {
                attacker.piece(i % torrent.pieceCount(), 0, junk);
              }
            } catch (IOException closedByAgent) {
              // Banned before all were sent.
            }
            assertTrue(attacker.drainUntilClosed(10_000), "disconnected");
          }
        },
        true);
  }

  @Test
  @Timeout(120)
  void aPeerServingPoisonedBlocksIsBannedAndNoGoodPeerIsBlamed() throws Exception {
    underAttack(
        "poisoned-pieces",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("poison"));
            assertTrue(attacker.readHandshake());
            attacker.send(14, new byte[0]); // have all
            attacker.send(1, new byte[0]); // unchoke
            PoisonServer.serve(attacker, 20_000);
          }
          assertTrue(agent.log().contains("failed its hash check"), agent.log());
        },
        true);
    // The seeder (the only good peer) was never banned: the download completed from it.
  }

  @Test
  @Timeout(120)
  void anOversizeMessageIsRefusedFromItsLengthPrefixAndTheSenderIsBanned() throws Exception {
    underAttack(
        "oversize-frame",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("huge"));
            assertTrue(attacker.readHandshake());
            attacker.sendLengthPrefix(1 << 20); // 1 MiB: within the codec's 2 MiB, beyond 64 KiB
            assertTrue(attacker.drainUntilClosed(10_000), "disconnected");
          }
        },
        true);
  }

  @Test
  @Timeout(120)
  void aBitfieldWithSpareBitsSetGetsTheSenderBanned() throws Exception {
    underAttack(
        "spare-bits",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("bits"));
            assertTrue(attacker.readHandshake());
            byte[] bits = new byte[(torrent.pieceCount() + 7) / 8];
            java.util.Arrays.fill(bits, (byte) 0xFF); // the last 5 bits are spare
            attacker.send(5, bits);
            assertTrue(attacker.drainUntilClosed(10_000), "disconnected");
          }
        },
        true);
  }

  @Test
  @Timeout(120)
  void aRequestBeyondThePieceEndGetsTheSenderBanned() throws Exception {
    underAttack(
        "request-beyond-piece",
        agent -> {
          try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
            attacker.handshake(torrent.infoHash(), peerId("beyond"));
            assertTrue(attacker.readHandshake());
            attacker.request(0, PIECE - 100, 16384);
            assertTrue(attacker.drainUntilClosed(10_000), "disconnected");
          }
        },
        true);
  }

  @Test
  @Timeout(120)
  void aHandshakeForAnotherTorrentIsClosedUnanswered() throws Exception {
    underAttack(
        "wrong-info-hash",
        agent -> {
          byte[] other = new byte[20];
          new Random(3).nextBytes(other);
          for (int i = 0; i < 10; i++) {
            try (HostilePeer attacker = HostilePeer.connect(agent.port)) {
              attacker.handshake(InfoHash.of(other), peerId("other"));
              assertFalse(attacker.readHandshake(), "no answer for a torrent it does not have");
            }
          }
        },
        false);
  }
}
