package org.everseed.interfaces.publishing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.everseed.interfaces.publishing.MultipartReader.MalformedMultipartException;
import org.everseed.interfaces.publishing.MultipartReader.Part;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
  private static final String TYPE = "multipart/form-data; boundary=XyZ123";

  @Nested
  class Correct {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 100_000})
    void readsFieldsAndFilesWhateverTheReadSizes(int chunk) throws IOException {
      byte[] payload = randomBytes(300_000, 1);
      byte[] body =
          concat(
              "preamble to ignore\r\n--XyZ123\r\n"
                  + "Content-Disposition: form-data; name=\"channel\"\r\n\r\n"
                  + "patches/linux-x64\r\n--XyZ123\r\n"
                  + "Content-Disposition: form-data; name=\"file\"; filename=\"app-1.2.zip\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n",
              payload,
              "\r\n--XyZ123--\r\nepilogue");

      List<Object[]> parts = readAll(new Chunked(body, chunk));

      assertEquals(2, parts.size());
      assertEquals("channel", parts.get(0)[0]);
      assertArrayEquals("patches/linux-x64".getBytes(UTF_8), (byte[]) parts.get(0)[2]);
      assertEquals("file", parts.get(1)[0]);
      assertEquals(Optional.of("app-1.2.zip"), parts.get(1)[1]);
      assertArrayEquals(payload, (byte[]) parts.get(1)[2]);
    }

    @Test
    void bodyContainingNearBoundariesIsKeptIntact() throws IOException {
      byte[] tricky = "a\r\n--XyZ12\r\n--XyZ1234\r\n--\r\n-XyZ123\r\n".getBytes(ISO_8859_1);
      // "\r\n--XyZ1234" contains the delimiter followed by '4': RFC 2046 forbids such a body, so
      // only prefixes of the delimiter are tested here, plus a delimiter lacking its CR.
      byte[] safe = "a\r\n--XyZ12\n--XyZ123x\r\n-XyZ123".getBytes(ISO_8859_1);
      byte[] body =
          concat(
              "--XyZ123\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n",
              safe,
              "\r\n--XyZ123--");

      List<Object[]> parts = readAll(new ByteArrayInputStream(body));

      assertEquals(1, parts.size());
      assertArrayEquals(safe, (byte[]) parts.get(0)[2]);
      assertTrue(tricky.length > 0);
    }

    @Test
    void emptyPartAndQuotedBoundaryAndPadding() throws IOException {
      byte[] body =
          ("--b\"q \r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--b\"q--")
              .getBytes(ISO_8859_1);
      MultipartReader reader =
          MultipartReader.of(
              new ByteArrayInputStream(body), "multipart/form-data; boundary=\"b\\\"q\"");
      // A quoted boundary ends at the first quote: b\ here is not what the body uses.
      assertThrows(MalformedMultipartException.class, reader::next);

      byte[] padded =
          "--XyZ123 \t\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--XyZ123--"
              .getBytes(ISO_8859_1);
      List<Object[]> parts = readAll(new ByteArrayInputStream(padded));
      assertEquals(1, parts.size());
      assertEquals(0, ((byte[]) parts.get(0)[2]).length);
    }

    @Test
    void unreadPartIsSkipped() throws IOException {
      byte[] body =
          ("--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nAAAA\r\n"
                  + "--XyZ123\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nBB\r\n--XyZ123--")
              .getBytes(ISO_8859_1);
      MultipartReader reader = MultipartReader.of(new ByteArrayInputStream(body), TYPE);
      assertEquals("a", reader.next().orElseThrow().name());
      Part b = reader.next().orElseThrow();
      assertEquals("b", b.name());
      assertEquals("BB", b.text(10));
      assertTrue(reader.next().isEmpty());
      assertTrue(reader.next().isEmpty());
    }

    @Test
    void fileNameWithPathAndEscapedQuote() throws IOException {
      byte[] body =
          ("--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bin/say \\\"hi\\\".sh\"\r\n\r\nx\r\n--XyZ123--")
              .getBytes(UTF_8);
      Part part = MultipartReader.of(new ByteArrayInputStream(body), TYPE).next().orElseThrow();
      assertEquals(Optional.of("bin/say \"hi\".sh"), part.fileName());
    }
  }

  @Nested
  class Invalid {
    @Test
    void notMultipart() {
      assertThrows(
          MalformedMultipartException.class,
          () -> MultipartReader.of(InputStream.nullInputStream(), "application/json"));
      assertThrows(
          MalformedMultipartException.class,
          () -> MultipartReader.of(InputStream.nullInputStream(), "multipart/form-data"));
    }

    @Test
    void noBoundaryInBody() {
      byte[] body = "just some bytes".getBytes(ISO_8859_1);
      MultipartReader reader = MultipartReader.of(new ByteArrayInputStream(body), TYPE);
      MalformedMultipartException e = assertThrows(MalformedMultipartException.class, reader::next);
      assertTrue(e.getMessage().contains("no multipart boundary"));
    }

    @Test
    void truncatedInsidePart() throws IOException {
      byte[] body =
          "--XyZ123\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhalf a fi"
              .getBytes(ISO_8859_1);
      Part part = MultipartReader.of(new ByteArrayInputStream(body), TYPE).next().orElseThrow();
      MalformedMultipartException e =
          assertThrows(MalformedMultipartException.class, () -> part.body().readAllBytes());
      assertTrue(e.getMessage().contains("no closing boundary"));
    }

    @Test
    void truncatedInsideHeaders() {
      byte[] body = "--XyZ123\r\nContent-Disposition: form-da".getBytes(ISO_8859_1);
      MultipartReader reader = MultipartReader.of(new ByteArrayInputStream(body), TYPE);
      assertThrows(MalformedMultipartException.class, reader::next);
    }

    @Test
    void hostileHeaderFlood() {
      byte[] body =
          ("--XyZ123\r\nX: " + "a".repeat(MultipartReader.MAX_HEADER_BYTES)).getBytes(ISO_8859_1);
      MultipartReader reader = MultipartReader.of(new ByteArrayInputStream(body), TYPE);
      MalformedMultipartException e = assertThrows(MalformedMultipartException.class, reader::next);
      assertTrue(e.getMessage().contains("headers are longer"));
    }

    @Test
    void oversizedField() throws IOException {
      byte[] body =
          "--XyZ123\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n0123456789\r\n--XyZ123--"
              .getBytes(ISO_8859_1);
      Part part = MultipartReader.of(new ByteArrayInputStream(body), TYPE).next().orElseThrow();
      assertThrows(MalformedMultipartException.class, () -> part.text(5));
    }
  }

  private static List<Object[]> readAll(InputStream in) throws IOException {
    MultipartReader reader = MultipartReader.of(in, TYPE);
    List<Object[]> parts = new ArrayList<>();
    for (Optional<Part> p = reader.next(); p.isPresent(); p = reader.next()) {
      parts.add(new Object[] {p.get().name(), p.get().fileName(), p.get().body().readAllBytes()});
    }
    return parts;
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(UTF_8));
    return out.toByteArray();
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    // Sprinkle partial delimiters through the payload.
    byte[] partial = "\r\n--XyZ12".getBytes(ISO_8859_1);
    for (int at = 1000; at + partial.length < n; at += 7919) {
      System.arraycopy(partial, 0, bytes, at, partial.length);
      bytes[at + partial.length] = 'x'; // never completes the real delimiter "\r\n--XyZ123"
    }
    return bytes;
  }

  /** Hands out at most {@code chunk} bytes per read, like a slow network. */
  private static final class Chunked extends FilterInputStream {
    private final int chunk;

    Chunked(byte[] data, int chunk) {
      super(new ByteArrayInputStream(data));
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
