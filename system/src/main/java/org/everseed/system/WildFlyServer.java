package org.everseed.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WildFly provisioned by the build ({@code system/target/wildfly}, with the EAR in its
 * deployments folder), run with its own copy of the {@code standalone} base directory so several
 * instances (the launcher's, a test run's) never share data, logs or deployments. Binds to
 * 127.0.0.1 only.
 */
public final class WildFlyServer implements AutoCloseable {
  public static final int HTTP_PORT = 8080;
  public static final int HTTPS_PORT = 8443;
  public static final int MANAGEMENT_PORT = 9990;

  private final ManagedProcess process;
  private final int portOffset;
  private final DevKeyStore tls;

  private WildFlyServer(ManagedProcess process, int portOffset, DevKeyStore tls) {
    this.process = process;
    this.portOffset = portOffset;
    this.tls = tls;
  }

  /**
   * Boots the server and waits until the application's health endpoint answers 200.
   *
   * @param home the provisioned server
   * @param baseDir where this instance keeps its configuration copy, data and logs
   * @param portOffset added to 8080 and 9990
   * @param env the application's configuration ({@code EVERSEED_*} variables)
   * @param tls the key store of the HTTPS listener (8443 plus the offset)
   */
  public static WildFlyServer start(
      Path home,
      Path baseDir,
      int portOffset,
      Map<String, String> env,
      Duration timeout,
      Progress progress,
      DevKeyStore tls) {
    Path script = home.resolve("bin/standalone.sh");
    if (!Files.isExecutable(script)) {
      throw new HarnessException(
          "no provisioned WildFly at " + home + " (build it with ./mvnw -DskipTests install)");
    }
    requireFree(HTTP_PORT + portOffset);
    requireFree(MANAGEMENT_PORT + portOffset);
    requireFree(HTTPS_PORT + portOffset);
    freshBaseDir(home.resolve("standalone"), baseDir);
    Map<String, String> environment = new HashMap<>(env);
    environment.put("JAVA_OPTS", javaOpts());
    environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    progress.step("WildFly: starting on http://127.0.0.1:" + (HTTP_PORT + portOffset));
    ManagedProcess process =
        ManagedProcess.start(
            "WildFly",
            List.of(
                script.toString(),
                "-b",
                "127.0.0.1",
                "-bmanagement",
                "127.0.0.1",
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Deverseed.tls.keystore=" + tls.keyStore().toAbsolutePath(),
                "-Deverseed.tls.keystore-password=" + tls.password()),
            home,
            environment,
            baseDir.resolve("log/console.log"));
    WildFlyServer server = new WildFlyServer(process, portOffset, tls);
    try {
      process.awaitHttp(server.baseUrl() + "/api/v1/health", s -> s == 200, timeout);
      process.awaitHttp(
          tls.trustingClient(Duration.ofSeconds(2)),
          server.httpsUrl() + "/api/v1/health",
          s -> s == 200,
          Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    progress.step("WildFly: Everseed deployed and healthy (pid " + process.pid() + ")");
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + (HTTP_PORT + portOffset);
  }

  /** The HTTPS listener, the address agents use (its certificate: {@link #tls()}). */
  public String httpsUrl() {
    return "https://127.0.0.1:" + (HTTPS_PORT + portOffset);
  }

  /** The HTTPS listener's key store and the certificate to trust. */
  public DevKeyStore tls() {
    return tls;
  }

  public String managementUrl() {
    return "http://127.0.0.1:" + (MANAGEMENT_PORT + portOffset);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }

  private static String javaOpts() {
    String extra = System.getenv().getOrDefault("EVERSEED_JAVA_OPTS", "");
    return ("-Xms256m -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m"
            + " -Djava.net.preferIPv4Stack=true "
            + extra)
        .trim();
  }

  private static void requireFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new HarnessException(
          "port "
              + port
              + " on 127.0.0.1 is already in use (is another Everseed running? ./everseed stop)");
    }
  }

  /** Copies the provisioned base directory (configuration and deployments), never its state. */
  private static void freshBaseDir(Path source, Path target) {
    try {
      deleteTree(target);
      copyTree(source.resolve("configuration"), target.resolve("configuration"));
      // Archives only: marker files of an earlier run would change what the scanner does.
      Files.createDirectories(target.resolve("deployments"));
      try (var archives = Files.list(source.resolve("deployments"))) {
        for (Path archive : archives.filter(p -> p.toString().endsWith(".ear")).toList()) {
          Files.copy(archive, target.resolve("deployments").resolve(archive.getFileName()));
        }
      }
      Files.createDirectories(target.resolve("log"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare WildFly base directory " + target, e);
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
