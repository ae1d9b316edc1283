package org.everseed.interfaces.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as a stream of parts, without buffering a
 * part in memory or on disk: each part's body is an {@link InputStream} that ends at the next
 * boundary. This is what lets an upload be written to the payload store and hashed in one pass.
 *
 * <pre>
 * preamble CRLF? "--" boundary CRLF
 *   headers CRLF CRLF body CRLF "--" boundary CRLF
 *   headers CRLF CRLF body CRLF "--" boundary "--" epilogue
 * </pre>
 *
 * <p>Call {@link #next()} for each part; a part's body must be read (or is skipped) before the next
 * part is returned.
 */
public final class MultipartReader {
  static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final int BUFFER = 256 * 1024;
  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
  private static final Pattern DISPOSITION_PARAM =
      Pattern.compile(";\\s*([a-zA-Z*]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]+))");

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private PartBody current;
  private boolean finished;

  private MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A reader for a body of the given {@code Content-Type}.
   *
   * @throws MalformedMultipartException if it is not multipart/form-data with a boundary
   */
  public static MultipartReader of(InputStream body, String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new MalformedMultipartException("expected Content-Type multipart/form-data");
    }
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) {
      throw new MalformedMultipartException("the multipart Content-Type has no boundary");
    }
    String boundary = m.group(1) != null ? m.group(1) : m.group(2);
    if (boundary.isEmpty() || boundary.length() > 70) {
      throw new MalformedMultipartException("a multipart boundary is 1 to 70 characters");
    }
    return new MultipartReader(body, boundary);
  }

  /** The next part, or empty after the last one. */
  public Optional<Part> next() throws IOException {
    if (finished) {
      return Optional.empty();
    }
    if (current == null) {
      skipPreamble();
    } else {
      current.skipRest();
    }
    // After a delimiter: "--" ends the body, CRLF starts a part.
    fill(2);
    if (limit - pos < 2) {
      throw new MalformedMultipartException("the body ends inside a boundary line");
    }
    if (buf[pos] == '-' && buf[pos + 1] == '-') {
      finished = true;
      return Optional.empty();
    }
    skipTransportPadding();
    Map<String, String> headers = readHeaders();
    current = new PartBody();
    return Optional.of(new Part(headers, current));
  }

  /** Drops everything up to and including the first boundary, which has no CRLF before it. */
  private void skipPreamble() throws IOException {
    // Pretend a CRLF precedes the body, so the first boundary looks like every other one.
    byte[] first = new byte[delimiter.length - 2];
    System.arraycopy(delimiter, 2, first, 0, first.length);
    while (true) {
      fill(first.length);
      int at = indexOf(first, pos, limit);
      if (at >= 0) {
        pos = at + first.length;
        return;
      }
      if (eof) {
        throw new MalformedMultipartException("the body holds no multipart boundary");
      }
      pos = Math.max(pos, limit - first.length + 1);
    }
  }

  /** Whitespace may follow a boundary before its CRLF (RFC 2046 transport padding). */
  private void skipTransportPadding() throws IOException {
    while (true) {
      fill(2);
      if (limit - pos < 2) {
        throw new MalformedMultipartException("the body ends inside a boundary line");
      }
      if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
        pos += 2;
        return;
      }
      if (buf[pos] == ' ' || buf[pos] == '\t') {
        pos++;
        continue;
      }
      throw new MalformedMultipartException("a multipart boundary is not followed by CRLF");
    }
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int total = 0;
    while (true) {
      fill(1);
      if (limit == pos) {
        throw new MalformedMultipartException("the body ends inside a part's headers");
      }
      byte b = buf[pos++];
      if (++total > MAX_HEADER_BYTES) {
        throw new MalformedMultipartException(
            "a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
          return headers;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
          throw new MalformedMultipartException("malformed part header: " + text);
        }
        headers.put(
            text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            text.substring(colon + 1).strip());
        line.reset();
      } else {
        line.write(b);
      }
    }
  }

  /** Tries to have at least {@code n} unread bytes buffered; fewer only at the end of input. */
  private void fill(int n) throws IOException {
    if (limit - pos >= n || eof) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    while (limit - pos < n && !eof) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        eof = true;
      } else {
        limit += read;
      }
    }
  }

  private int indexOf(byte[] pattern, int from, int to) {
    byte first = pattern[0];
    outer:
    for (int i = from; i <= to - pattern.length; i++) {
      if (buf[i] != first) {
        continue;
      }
      for (int j = 1; j < pattern.length; j++) {
        if (buf[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A part's body: the bytes up to the next delimiter. */
  private final class PartBody extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      while (true) {
        fill(delimiter.length);
        int at = indexOf(delimiter, pos, limit);
        int safeEnd = at >= 0 ? at : Math.max(pos, limit - delimiter.length + 1);
        if (at == pos) {
          pos += delimiter.length;
          done = true;
          return -1;
        }
        if (safeEnd > pos) {
          int n = Math.min(len, safeEnd - pos);
          System.arraycopy(buf, pos, out, off, n);
          pos += n;
          return n;
        }
        if (eof) {
          throw new MalformedMultipartException(
              "the body ends inside a part (no closing boundary)");
        }
        // Not enough buffered to rule out a delimiter: read more.
        if (pos == 0 && limit == buf.length) {
          throw new IllegalStateException("multipart buffer smaller than a delimiter");
        }
        fill(limit - pos + 1);
      }
    }

    void skipRest() throws IOException {
      byte[] scratch = new byte[8192];
      while (read(scratch, 0, scratch.length) >= 0) {
        // Discarding the unread rest of the part.
      }
    }
  }

  /**
   * One part: its headers (lower-case names) and body.
   *
   * @param body readable until the part ends; valid until the next {@link #next()}
   */
  public record Part(Map<String, String> headers, InputStream body) {
    /** The {@code name} parameter of Content-Disposition: the form field. */
    public String name() {
      return dispositionParam("name").orElse("");
    }

    /** The {@code filename} parameter, present for file parts. */
    public Optional<String> fileName() {
      return dispositionParam("filename");
    }

    /** The body as UTF-8 text, for small form fields (at most {@code max} bytes). */
    public String text(int max) throws IOException {
      byte[] bytes = body.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new MalformedMultipartException(
            "form field '" + name() + "' is longer than " + max + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }

    private Optional<String> dispositionParam(String param) {
      String disposition = headers.getOrDefault("content-disposition", "");
      Matcher m = DISPOSITION_PARAM.matcher(disposition);
      while (m.find()) {
        if (m.group(1).equalsIgnoreCase(param)) {
          String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }
  }

  /** The body is not well-formed multipart. */
  public static class MalformedMultipartException extends RuntimeException {
    public MalformedMultipartException(String message) {
      super(message);
    }
  }
}
