package org.everseed.interfaces.tracker;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import org.everseed.application.tracker.Tracker;

/**
 * Answers {@code GET /announce/…} and {@code GET /scrape/…} on the connection's I/O thread, in
 * front of the servlet container. The servlet path hands every request to a worker thread (the
 * security handlers dispatch, since authentication may block); an announce never blocks (no
 * database, short per-swarm locks, a few hundred bytes out), so that hand-off would cost more than
 * the work and caps throughput well below opentracker's. The same {@link TrackerHttp} code runs
 * either way; with {@code EVERSEED_TRACKER_IO_THREAD=false} (or {@code
 * -Deverseed.tracker.io_thread=false}) the servlets answer instead. The tracker needs no
 * authentication: the passkey in the path is its credential.
 */
public class TrackerServletExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    if (Boolean.parseBoolean(setting())) {
      deployment.addInitialHandlerChainWrapper(next -> new IoThreadTracker(next, context));
    }
  }

  /** {@code everseed.tracker.io_thread} / {@code EVERSEED_TRACKER_IO_THREAD}, default true. */
  private static String setting() {
    String value = System.getProperty("everseed.tracker.io_thread");
    if (value == null || value.isBlank()) {
      value = System.getenv("EVERSEED_TRACKER_IO_THREAD");
    }
    return value == null || value.isBlank() ? "true" : value.trim();
  }

  private static final class IoThreadTracker implements HttpHandler {
    private final HttpHandler next;
    private final ServletContext context;
    private volatile Tracker tracker;

    IoThreadTracker(HttpHandler next, ServletContext context) {
      this.next = next;
      this.context = context;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
      String path = exchange.getRequestPath();
      boolean announce = path.startsWith(TrackerHttp.ANNOUNCE_PREFIX);
      boolean scrape = !announce && path.startsWith(TrackerHttp.SCRAPE_PREFIX);
      Tracker current = announce || scrape ? tracker() : null;
      if (current == null || !exchange.getRequestMethod().equals(Methods.GET)) {
        next.handleRequest(exchange);
        return;
      }
      byte[] body =
          announce
              ? TrackerHttp.announce(
                  current,
                  TrackerHttp.passkey(path, TrackerHttp.ANNOUNCE_PREFIX),
                  exchange.getQueryString(),
                  exchange.getSourceAddress().getAddress().getAddress())
              : TrackerHttp.scrape(
                  current,
                  TrackerHttp.passkey(path, TrackerHttp.SCRAPE_PREFIX),
                  exchange.getQueryString());
      exchange.setStatusCode(200);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
      exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
      // The servlet filters (security headers) are bypassed here; this one matters for text/plain.
      exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
      exchange.setResponseContentLength(body.length);
      exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** Set by {@link AnnounceServlet#init()} once CDI has injected it; null until then. */
    private Tracker tracker() {
      Tracker known = tracker;
      if (known == null) {
        known = (Tracker) context.getAttribute(Tracker.class.getName());
        tracker = known;
      }
      return known;
    }
  }
}
