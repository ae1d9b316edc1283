package org.everseed.api.wire;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BInteger;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.bencode.BencodeLimits;

/**
 * The BEP 10 extension handshake, the payload of extended message 0.
 *
 * <pre>
 * extension handshake: d
 *   m     d &lt;extension name&gt; &lt;id this side wants to receive it as, 0 = disabled&gt; e
 *   p     integer   this side's listen port
 *   v     string    client name and version
 *   reqq  integer   requests this side queues per peer
 *   metadata_size  integer  size of the info dictionary (BEP 9), if this side has it
 * e
 * </pre>
 *
 * Other keys are ignored, as BEP 10 asks.
 */
public record ExtensionHandshake(
    Map<String, Integer> extensions,
    OptionalInt listenPort,
    Optional<String> client,
    OptionalInt requestQueueLength,
    OptionalInt metadataSize) {

  /** The name BEP 11 peer exchange goes by. */
  public static final String UT_PEX = "ut_pex";

  /** The name BEP 9 metadata exchange goes by. */
  public static final String UT_METADATA = "ut_metadata";

  private static final BencodeDecoder DECODER =
      new BencodeDecoder(BencodeLimits.DEFAULT.withMaxInputSize(1 << 20).withMaxDepth(8));

  public ExtensionHandshake {
    extensions = Map.copyOf(extensions);
    for (Map.Entry<String, Integer> extension : extensions.entrySet()) {
      if (extension.getValue() < 0 || extension.getValue() > 0xFF) {
        throw new IllegalArgumentException(
            "extension " + extension.getKey() + " has id " + extension.getValue());
      }
    }
  }

  /** The id the sender wants {@code extension} messages sent with, if it enabled it. */
  public OptionalInt idOf(String extension) {
    Integer id = extensions.get(extension);
    return id == null || id == 0 ? OptionalInt.empty() : OptionalInt.of(id);
  }

  public byte[] encode() {
    BDictionary.Builder messages = BDictionary.builder();
    new TreeMap<>(extensions).forEach((name, id) -> messages.put(name, id));
    BDictionary.Builder root = BDictionary.builder().put("m", messages.build());
    listenPort.ifPresent(port -> root.put("p", port));
    client.ifPresent(name -> root.put("v", name));
    requestQueueLength.ifPresent(length -> root.put("reqq", length));
    metadataSize.ifPresent(size -> root.put("metadata_size", size));
    return BencodeEncoder.encode(root.build());
  }

  public static ExtensionHandshake decode(byte[] payload) {
    BValue value;
    try {
      value = DECODER.decode(payload);
    } catch (BencodeException e) {
      throw new PeerWireException("extension handshake is not valid bencode: " + e.getMessage(), e);
    }
    if (!(value instanceof BDictionary root)) {
      throw new PeerWireException(
          "extension handshake is a " + value.kind() + ", not a dictionary");
    }
    Map<String, Integer> extensions = new TreeMap<>();
    root.find("m")
        .filter(BDictionary.class::isInstance)
        .map(BDictionary.class::cast)
        .ifPresent(
            messages ->
                messages
                    .entries()
                    .forEach(
                        (name, id) -> {
                          if (id instanceof BInteger number
                              && number.value() >= 0
                              && number.value() <= 0xFF) {
                            extensions.put(name.asUtf8(), (int) number.value());
                          }
                        }));
    return new ExtensionHandshake(
        extensions,
        integer(root, "p", 1, 0xFFFF),
        root.find("v").filter(BString.class::isInstance).map(v -> ((BString) v).asUtf8()),
        integer(root, "reqq", 1, Integer.MAX_VALUE),
        integer(root, "metadata_size", 1, MetadataMessage.MAX_TOTAL_SIZE));
  }

  private static OptionalInt integer(BDictionary root, String key, long min, long max) {
    Optional<BValue> value = root.find(key);
    if (value.isPresent()
        && value.get() instanceof BInteger number
        && number.value() >= min
        && number.value() <= max) {
      return OptionalInt.of((int) number.value());
    }
    return OptionalInt.empty();
  }
}
