package org.everseed.api.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BencodeEncoderTest {

  private static String text(byte[] bytes) {
    return new String(bytes, ISO_8859_1);
  }

  @Test
  void encodesEveryKind() {
    BDictionary value =
        BDictionary.builder()
            .put("spam", BList.of(BString.of("a"), BInteger.of(-3)))
            .put("cow", "moo")
            .put("n", 0)
            .build();
    assertEquals("d3:cow3:moo1:ni0e4:spaml1:ai-3eee", text(BencodeEncoder.encode(value)));
    assertEquals(value.encodedLength(), BencodeEncoder.encode(value).length);
  }

  @Test
  void keysAreWrittenInUnsignedByteOrderWhateverTheInsertionOrder() {
    BDictionary value =
        BDictionary.of(
            Map.of(
                new BString(new byte[] {(byte) 0x80}), BInteger.of(2),
                new BString(new byte[] {0x7f}), BInteger.of(1)));
    assertEquals("d1:\u007fi1e1:\u0080i2ee", text(BencodeEncoder.encode(value)));
  }

  @Test
  void streamEncodingMatchesArrayEncoding() throws IOException {
    BValue value = BList.of(BInteger.of(Long.MIN_VALUE), BString.of("x"), BDictionary.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BencodeEncoder.encode(value, out);
    assertArrayEquals(BencodeEncoder.encode(value), out.toByteArray());
    assertEquals("li-9223372036854775808e1:xdee", text(out.toByteArray()));
  }

  @Test
  void stringsCompareByContentAndAreDefensivelyCopied() {
    byte[] raw = {1, 2, 3};
    BString string = new BString(raw);
    raw[0] = 9;
    assertEquals(new BString(new byte[] {1, 2, 3}), string);
    string.bytes()[1] = 9;
    assertEquals(2, string.byteAt(1));
    assertNotEquals(BString.of("a"), BString.of("b"));
  }

  @Test
  void writerHelpersIntoArrays() {
    byte[] out = new byte[64];
    int pos = BencodeWriter.writeInteger(out, 0, 1800);
    pos = BencodeWriter.writeString(out, pos, "peers".getBytes(ISO_8859_1));
    pos = BencodeWriter.writeStringHeader(out, pos, 6);
    assertEquals("i1800e5:peers6:", new String(out, 0, pos, ISO_8859_1));
    assertEquals(BencodeWriter.integerLength(1800) + 7 + 2, pos);
  }

  @Test
  void writerHelpersIntoHeapAndDirectBuffers() {
    for (ByteBuffer buffer :
        new ByteBuffer[] {ByteBuffer.allocate(64), ByteBuffer.allocateDirect(64)}) {
      BencodeWriter.putInteger(buffer, -12);
      BencodeWriter.putString(buffer, "ab".getBytes(ISO_8859_1));
      BencodeWriter.putStringHeader(buffer, 12);
      buffer.flip();
      byte[] written = new byte[buffer.remaining()];
      buffer.get(written);
      assertEquals("i-12e2:ab12:", text(written));
    }
  }

  @Test
  void decimalLengths() {
    assertEquals(1, BencodeWriter.decimalLength(0));
    assertEquals(2, BencodeWriter.decimalLength(-1));
    assertEquals(2, BencodeWriter.decimalLength(10));
    assertEquals(19, BencodeWriter.decimalLength(Long.MAX_VALUE));
    assertEquals(20, BencodeWriter.decimalLength(Long.MIN_VALUE));
    assertEquals("4:spam", text(BencodeWriter.encodedString("spam")));
  }
}
