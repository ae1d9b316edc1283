package org.everseed.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/** Deterministic random payloads and their digests for swarm tests. */
public final class TestPayloads {

  private TestPayloads() {}

  /** Writes {@code size} pseudo-random bytes seeded by {@code seed}. */
  public static Path write(Path file, long size, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    Random random = new Random(seed);
    byte[] chunk = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = size;
      while (left > 0) {
        random.nextBytes(chunk);
        int n = (int) Math.min(chunk.length, left);
        out.write(chunk, 0, n);
        left -= n;
      }
    }
    return file;
  }

  /** The SHA-256 of a file, or of every file below a folder in path order, as hex. */
  public static String sha256(Path path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        digest.update(
            path.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Whether every byte of a file is zero (a preallocated file nothing was written into). */
  public static boolean isAllZeros(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] chunk = new byte[1 << 16];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        for (int i = 0; i < n; i++) {
          if (chunk[i] != 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Prints what a session logs to stderr, which surefire keeps with the test's report. */
  public static org.everseed.agent.swarm.SessionListener printingListener(String who) {
    return new org.everseed.agent.swarm.SessionListener() {
      @Override
      public void log(org.everseed.agent.swarm.TorrentSession session, String message) {
        System.err.println(who + ": " + message);
      }
    };
  }

  /** Waits for the session to complete; on timeout fails with what it had done. */
  public static void awaitCompletion(org.everseed.agent.swarm.TorrentSession session, int seconds)
      throws Exception {
    try {
      session.completion().get(seconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not complete after " + seconds + " s: " + session.stats(), e);
    }
  }

  /**
   * An agent configuration for loopback tests: ephemeral port, short intervals, and peers dialled
   * only at 127.0.0.1 (tests use 127.0.0.2-127.0.0.9 as stand-ins for forbidden addresses).
   */
  public static AgentConfig loopbackConfig() {
    return AgentConfig.builder()
        .listen("127.0.0.1", 0)
        .peerAddressPolicy(
            org.everseed.agent.PeerAddressPolicy.strict()
                .allowingLoopback(java.util.Set.of(java.net.InetAddress.getLoopbackAddress())))
        .chokeInterval(java.time.Duration.ofSeconds(2))
        .minAnnounceInterval(java.time.Duration.ofSeconds(1))
        .peerExchangeInterval(java.time.Duration.ofSeconds(2))
        .webSeedDelay(java.time.Duration.ZERO)
        .build();
  }
}
