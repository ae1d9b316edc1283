package org.everseed.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.agent.bandwidth.TokenBucket;

/**
 * A small BEP 19 web seed for tests: serves the files below a folder at {@code /seed/<path>},
 * answers {@code Range: bytes=a-b} with 206, caps its total upload rate like a busy server, and
 * counts every body byte it sends.
 */
public final class RangeServer implements AutoCloseable {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  private RangeServer(Path root, TokenBucket cap) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/seed/", exchange -> serve(exchange, root, cap));
    server.setExecutor(threads);
    server.start();
  }

  public static RangeServer start(Path root, long bytesPerSecond) throws IOException {
    return new RangeServer(
        root, bytesPerSecond > 0 ? TokenBucket.perSecond(bytesPerSecond) : TokenBucket.unlimited());
  }

  /** The URL of the folder, ending in '/'. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/seed/";
  }

  public long bytesSent() {
    return bytesSent.get();
  }

  public long requests() {
    return requests.get();
  }

  private void serve(HttpExchange exchange, Path root, TokenBucket cap) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String relative =
          URLDecoder.decode(
              exchange.getRequestURI().getRawPath().substring("/seed/".length()),
              StandardCharsets.UTF_8);
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher matcher = range == null ? null : RANGE.matcher(range);
      if (matcher == null || !matcher.matches()) {
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      long first = Long.parseLong(matcher.group(1));
      long last = Math.min(size - 1, Long.parseLong(matcher.group(2)));
      long length = last - first + 1;
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + first + "-" + last + "/" + size);
      exchange.sendResponseHeaders(206, length);
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
          OutputStream out = exchange.getResponseBody()) {
        in.seek(first);
        byte[] chunk = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
          int n = (int) Math.min(chunk.length, left);
          in.readFully(chunk, 0, n);
          cap.acquire(n);
          out.write(chunk, 0, n);
          bytesSent.addAndGet(n);
          left -= n;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
