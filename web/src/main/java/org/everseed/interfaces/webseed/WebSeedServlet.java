package org.everseed.interfaces.webseed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.application.webseed.SeedablePayload;
import org.everseed.application.webseed.WebSeedAccess;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.interfaces.webseed.ByteRanges.Outcome;
import org.everseed.interfaces.webseed.ByteRanges.Range;

/**
 * {@code GET|HEAD /seed/<passkey>/<info-hash>/<name>[/<path>...]}: payload bytes for BEP 19
 * clients, with single and multiple ranges (206, {@code multipart/byteranges}), 416 beyond the end,
 * a strong {@code ETag} (payloads never change for an info-hash) and {@code If-None-Match}. Bytes
 * are copied through a fixed buffer, never a whole file. A refused request answers 403 (bad
 * passkey, retired release) or 404 without saying which, so passkeys cannot be probed.
 */
@WebServlet(urlPatterns = "/seed/*", asyncSupported = false)
public class WebSeedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PASSKEY = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern INFO_HASH = Pattern.compile("[0-9a-f]{40}");
  private static final int COPY_BUFFER = 256 * 1024;

  @Inject transient WebSeedAccess access;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, false);
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody)
      throws IOException {
    List<String> segments = segments(request.getRequestURI(), request.getContextPath());
    // segments: seed, passkey, info-hash, name, path...
    if (segments.size() < 4
        || !PASSKEY.matcher(segments.get(1)).matches()
        || !INFO_HASH.matcher(segments.get(2).toLowerCase()).matches()) {
      response.sendError(404, "expected /seed/<passkey>/<info-hash>/<name>[/<path>]");
      return;
    }
    Optional<SeedablePayload> payload =
        access.payloadFor(
            Passkey.of(segments.get(1)), InfoHash.fromHex(segments.get(2).toLowerCase()));
    if (payload.isEmpty()) {
      response.sendError(403, "this passkey may not fetch this payload");
      return;
    }
    int index = payload.get().fileIndex(segments.subList(3, segments.size()));
    if (index < 0) {
      response.sendError(404, "no such file in this torrent");
      return;
    }
    Path file = payload.get().file(index);
    long length;
    try {
      length = Files.size(file);
    } catch (NoSuchFileException e) {
      log("payload file missing from the store: " + file);
      response.sendError(404, "the payload is missing from the store");
      return;
    }
    String etag = "\"" + payload.get().infoHash().toHex() + "-" + index + "\"";
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "private, max-age=86400, immutable");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(304);
      return;
    }
    Optional<String> rangeHeader = Optional.ofNullable(request.getHeader("Range"));
    String ifRange = request.getHeader("If-Range");
    if (ifRange != null && !ifRange.equals(etag)) {
      rangeHeader = Optional.empty();
    }
    Outcome outcome = ByteRanges.parse(rangeHeader, length);
    try (FileChannel channel = FileChannel.open(file)) {
      if (outcome instanceof Outcome.Unsatisfiable) {
        response.setStatus(416);
        response.setHeader("Content-Range", "bytes */" + length);
        response.setContentLength(0);
      } else if (outcome instanceof Outcome.Partial partial && partial.ranges().size() == 1) {
        Range range = partial.ranges().get(0);
        response.setStatus(206);
        response.setContentType("application/octet-stream");
        response.setHeader(
            "Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        response.setContentLengthLong(range.length());
        if (withBody) {
          copy(channel, range.first(), range.length(), response.getOutputStream());
        }
      } else if (outcome instanceof Outcome.Partial partial) {
        writeMultipart(channel, partial.ranges(), length, response, withBody);
      } else {
        response.setStatus(200);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(length);
        if (withBody) {
          copy(channel, 0, length, response.getOutputStream());
        }
      }
    }
  }

  private static void writeMultipart(
      FileChannel channel,
      List<Range> ranges,
      long length,
      HttpServletResponse response,
      boolean withBody)
      throws IOException {
    String boundary = UUID.randomUUID().toString().replace("-", "");
    List<byte[]> heads = new ArrayList<>();
    long total = 0;
    for (Range r : ranges) {
      byte[] head =
          ("\r\n--"
                  + boundary
                  + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                  + r.first()
                  + "-"
                  + r.last()
                  + "/"
                  + length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      heads.add(head);
      total += head.length + r.length();
    }
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    total += tail.length;
    response.setStatus(206);
    response.setContentType("multipart/byteranges; boundary=" + boundary);
    response.setContentLengthLong(total);
    if (!withBody) {
      return;
    }
    OutputStream out = response.getOutputStream();
    for (int i = 0; i < ranges.size(); i++) {
      out.write(heads.get(i));
      copy(channel, ranges.get(i).first(), ranges.get(i).length(), out);
    }
    out.write(tail);
  }

  private static void copy(FileChannel channel, long position, long count, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, Math.max(count, 1)));
    long remaining = count;
    long at = position;
    while (remaining > 0) {
      buffer.clear();
      if (remaining < buffer.capacity()) {
        buffer.limit((int) remaining);
      }
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("payload file shorter than expected");
      }
      out.write(buffer.array(), 0, n);
      at += n;
      remaining -= n;
    }
  }

  /** The decoded path segments after the context path. */
  static List<String> segments(String requestUri, String contextPath) {
    String path = requestUri.substring(contextPath.length());
    List<String> segments = new ArrayList<>();
    for (String raw : path.split("/")) {
      if (!raw.isEmpty()) {
        // Path segments: '+' is a literal plus, not a space.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }
}
