package org.everseed.api.magnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.everseed.api.metainfo.InfoHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {

  private static final String HEX = "a9993e364706816aba3e25717850c26c9cd0d89d";
  private static final InfoHash HASH = InfoHash.fromHex(HEX);

  @Test
  void parsesEveryParameter() {
    MagnetLink link =
        MagnetLink.parse(
            "magnet:?xt=urn:btih:A9993E364706816ABA3E25717850C26C9CD0D89D"
                + "&dn=Release+1.2%20%C3%A9"
                + "&tr=http%3A%2F%2Ft1%2Fannounce&tr=http://t2/announce"
                + "&ws=http%3A%2F%2Fseed%2F&xl=1234&x.pe=10.0.0.1:6881");
    assertEquals(HASH, link.infoHash());
    assertEquals(Optional.of("Release 1.2 é"), link.displayName());
    assertEquals(List.of("http://t1/announce", "http://t2/announce"), link.trackers());
    assertEquals(List.of("http://seed/"), link.webSeeds());
    assertEquals(OptionalLong.of(1234), link.exactLength());
  }

  @Test
  void acceptsBase32InfoHashes() {
    assertEquals(
        HASH, MagnetLink.parse("magnet:?xt=urn:btih:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5").infoHash());
  }

  @Test
  void buildsAndParsesBack() {
    MagnetLink link =
        new MagnetLink(
            HASH,
            Optional.of("a b&c=d"),
            List.of("http://t/announce?x=1&y=2"),
            List.of("http://w/"),
            OptionalLong.of(99));
    String uri = link.toUri();
    assertEquals(
        "magnet:?xt=urn:btih:"
            + HEX
            + "&dn=a%20b%26c%3Dd&xl=99"
            + "&tr=http%3A%2F%2Ft%2Fannounce%3Fx%3D1%26y%3D2&ws=http%3A%2F%2Fw%2F",
        uri);
    assertEquals(link, MagnetLink.parse(uri));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example/                                   | starts with 'magnet:?'",
        "magnet:?dn=x                                      | no 'xt=urn:btih:' info-hash",
        "magnet:?xt=urn:btih:abc                           | needs 40 hex or 32 base32 characters, got 3",
        "magnet:?xt=urn:btih:zz993e364706816aba3e25717850c26c9cd0d89d | not a hex info-hash",
        "magnet:?xt=urn:btih:" + "VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE1 | not a base32 info-hash",
        "magnet:?xt=urn:btih:" + HEX + "&xl=-5          | xl must be a length in bytes",
        "magnet:?xt=urn:btih:" + HEX + "&xl=12a         | xl must be a length in bytes",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%E          | bad 'dn' value: truncated %-escape",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%C3%28      | 'dn' is not percent-encoded UTF-8",
        "magnet:?xt=urn:btih:" + HEX + "&tr            | has no 'key=value'",
        "magnet:?xt=urn:btih:"
            + HEX
            + "&xt=urn:btih:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE4 | two different urn:btih",
      })
  void rejectsMalformedLinksWithAReason(String uri, String reason) {
    InvalidMagnetLinkException e =
        assertThrows(InvalidMagnetLinkException.class, () -> MagnetLink.parse(uri));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
