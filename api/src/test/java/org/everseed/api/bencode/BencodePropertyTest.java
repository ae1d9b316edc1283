package org.everseed.api.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The decoder's contract over generated input: what the encoder writes decodes back to the same
 * value, and any byte sequence either decodes to a value that re-encodes to exactly those bytes or
 * is rejected with a {@link BencodeException} (any other exception fails the property).
 */
class BencodePropertyTest {

  private static final BencodeDecoder DECODER = new BencodeDecoder();

  @Property(tries = 500)
  void decodeOfEncodeIsIdentity(@ForAll("values") BValue value) {
    byte[] encoded = BencodeEncoder.encode(value);
    assertEquals(value, DECODER.decode(encoded));
    assertEquals(value.encodedLength(), encoded.length);
  }

  @Property(tries = 2000)
  void arbitraryBytesDecodeCanonicallyOrAreRejected(@ForAll("bencodeLikeBytes") byte[] input) {
    assertDecodesCanonicallyOrIsRejected(input);
  }

  @Property(tries = 2000)
  void mutatedEncodingsDecodeCanonicallyOrAreRejected(
      @ForAll("values") BValue value, @ForAll("mutations") List<int[]> mutations) {
    byte[] input = BencodeEncoder.encode(value);
    for (int[] mutation : mutations) {
      input = mutate(input, mutation[0], mutation[1], mutation[2]);
    }
    assertDecodesCanonicallyOrIsRejected(input);
  }

  static void assertDecodesCanonicallyOrIsRejected(byte[] input) {
    BValue decoded;
    try {
      decoded = DECODER.decode(input);
    } catch (BencodeException expected) {
      return;
    }
    assertArrayEquals(input, BencodeEncoder.encode(decoded));
  }

  /** Replaces, inserts or deletes one byte. */
  private static byte[] mutate(byte[] input, int kind, int position, int newByte) {
    if (input.length == 0) {
      return new byte[] {(byte) newByte};
    }
    int at = Math.floorMod(position, input.length);
    List<Byte> bytes = new ArrayList<>();
    for (byte b : input) {
      bytes.add(b);
    }
    switch (kind) {
      case 0 -> bytes.set(at, (byte) newByte);
      case 1 -> bytes.add(at, (byte) newByte);
      default -> bytes.remove(at);
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  @Provide
  Arbitrary<BValue> values() {
    return value(4);
  }

  private Arbitrary<BValue> value(int depth) {
    Arbitrary<BValue> strings =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(24).map(BString::new);
    Arbitrary<BValue> integers =
        Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-100, 100),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L))
            .map(BInteger::new);
    if (depth == 0) {
      return Arbitraries.oneOf(strings, integers);
    }
    Arbitrary<BValue> lists =
        Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(BList::new);
    Arbitrary<BValue> dictionaries =
        Combinators.combine(
                Arbitraries.bytes()
                    .array(byte[].class)
                    .ofMaxSize(6)
                    .map(BString::new)
                    .list()
                    .ofMaxSize(4),
                Arbitraries.lazy(() -> value(depth - 1)).list().ofSize(4))
            .as(
                (keys, values) -> {
                  Map<BString, BValue> entries = new HashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    entries.put(keys.get(i), values.get(i));
                  }
                  return (BValue) BDictionary.of(entries);
                });
    return Arbitraries.oneOf(strings, integers, lists, dictionaries);
  }

  /** Bytes drawn mostly from bencode's own alphabet, so generated input reaches deep states. */
  @Provide
  Arbitrary<byte[]> bencodeLikeBytes() {
    byte[] alphabet = "ilde:-0123456789".getBytes(StandardCharsets.US_ASCII);
    Arbitrary<Byte> tokens =
        Arbitraries.frequencyOf(
            Tuple.of(
                6, Arbitraries.integers().between(0, alphabet.length - 1).map(i -> alphabet[i])),
            Tuple.of(1, Arbitraries.bytes()));
    return tokens.list().ofMaxSize(40).map(BencodePropertyTest::toArray);
  }

  @Provide
  Arbitrary<List<int[]>> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(
                (int) 'i', (int) 'l', (int) 'd', (int) 'e', (int) ':', (int) '0', (int) '-', 0x80,
                (int) '9'))
        .as((kind, position, newByte) -> new int[] {kind, position, newByte})
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  private static byte[] toArray(List<Byte> list) {
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
