package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InfoHashTest {

  // SHA-1("abc"), the FIPS 180 test vector.
  private static final String ABC_HEX = "a9993e364706816aba3e25717850c26c9cd0d89d";

  @Test
  void hashesTheInfoBytes() {
    InfoHash hash = InfoHash.ofInfoDictionary("abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ABC_HEX, hash.toHex());
    assertEquals(
        hash, InfoHash.ofInfoDictionary("xabcx".getBytes(StandardCharsets.US_ASCII), 1, 3));
  }

  @Test
  void hexAndBase32RoundTrip() {
    InfoHash hash = InfoHash.fromHex(ABC_HEX.toUpperCase());
    assertEquals(ABC_HEX, hash.toHex());
    // RFC 4648 base32 of the digest, computed independently with Python's base64.b32encode.
    assertEquals("VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5", hash.toBase32());
    assertEquals(hash, InfoHash.fromBase32("vgmt4nsha2awvor6evyxqugcnsonbwe5"));
    assertEquals(hash, InfoHash.parse("VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5"));
    assertEquals(hash, InfoHash.parse(ABC_HEX));
  }

  @Test
  void urlEncodingOfRawBytes() {
    InfoHash hash =
        InfoHash.of(HexFormat.of().parseHex("00112233445566778899aabbccddeeff2d2e5f7e"));
    assertEquals("%00%11%223DUfw%88%99%AA%BB%CC%DD%EE%FF-._~", hash.toUrlEncoded());
    assertEquals(hash, InfoHash.fromUrlEncoded(hash.toUrlEncoded()));
    assertEquals(
        hash,
        InfoHash.fromUrlEncoded("%00%11%22%33%44%55%66%77%88%99%aa%bb%cc%dd%ee%ff%2d%2e%5f%7e"));
  }

  @Test
  void rejectsMalformedText() {
    assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex(ABC_HEX.substring(1)));
    assertThrows(IllegalArgumentException.class, () -> InfoHash.fromHex(ABC_HEX.replace('a', 'g')));
    assertThrows(
        IllegalArgumentException.class,
        () -> InfoHash.fromBase32("VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE1"));
    assertThrows(IllegalArgumentException.class, () -> InfoHash.of(new byte[19]));
    assertThrows(IllegalArgumentException.class, () -> InfoHash.fromUrlEncoded("%00"));
    assertThrows(IllegalArgumentException.class, () -> InfoHash.fromUrlEncoded("%0"));
  }

  @Test
  void bytesAreCopied() {
    byte[] raw = new byte[20];
    InfoHash hash = InfoHash.of(raw);
    raw[0] = 1;
    hash.bytes()[1] = 1;
    assertArrayEquals(new byte[20], hash.bytes());
  }
}
