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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the server's BEP 19 web seed in the swarm benchmark: serves the files below a
 * folder at {@code /seed/<path>} with HTTP Range, its total egress capped by a token bucket, and
 * answers {@code /stats} with the body bytes it has sent.
 *
 * <p>{@code java bench/webseed/RangeSeed.java <folder> <port> <bytes per second>}
 */
public final class RangeSeed {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private static final AtomicLong SENT = new AtomicLong();
  private static long rate;
  private static double tokens;
  private static long last = System.nanoTime();

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    rate = Long.parseLong(args[2]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 256);
    server.createContext("/seed/", exchange -> serve(exchange, root));
    server.createContext(
        "/stats",
        exchange -> {
          byte[] body = (SENT.get() + "\n").getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.start();
    System.out.println("web seed on " + server.getAddress());
  }

  private static void take(int bytes) throws InterruptedException {
    long wait;
    synchronized (RangeSeed.class) {
      long now = System.nanoTime();
      tokens = Math.min(rate / 10.0, tokens + (now - last) * rate / 1e9);
      last = now;
      tokens -= bytes;
      wait = tokens >= 0 ? 0 : (long) (-tokens * 1e9 / rate);
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private static void serve(HttpExchange exchange, Path root) throws IOException {
    try (exchange) {
      String relative =
          URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(6), StandardCharsets.UTF_8);
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      String range = exchange.getRequestHeaders().getFirst("Range");
      long first = 0;
      long last = size - 1;
      int status = 200;
      if (range != null) {
        Matcher matcher = RANGE.matcher(range);
        if (!matcher.matches()) {
          exchange.sendResponseHeaders(416, -1);
          return;
        }
        first = Long.parseLong(matcher.group(1));
        if (!matcher.group(2).isEmpty()) {
          last = Math.min(last, Long.parseLong(matcher.group(2)));
        }
        status = 206;
        exchange.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + size);
      }
      long length = last - first + 1;
      exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
      exchange.sendResponseHeaders(status, length);
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r");
          OutputStream out = exchange.getResponseBody()) {
        in.seek(first);
        byte[] chunk = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
          int n = (int) Math.min(chunk.length, left);
          in.readFully(chunk, 0, n);
          take(n);
          out.write(chunk, 0, n);
          SENT.addAndGet(n);
          left -= n;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // The client went away mid-range (it got the piece elsewhere); what was sent is counted.
      }
    }
  }
}
