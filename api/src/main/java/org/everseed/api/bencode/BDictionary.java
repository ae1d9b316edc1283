package org.everseed.api.bencode;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bencoded dictionary. Keys are byte strings kept in unsigned byte-wise order, the order BEP 3
 * requires on the wire, so encoding never has to sort.
 *
 * <p>The typed accessors ({@link #getString}, {@link #getLong}, ...) throw a {@link
 * BencodeException} naming the key when it is missing or holds another kind of value; the {@code
 * optional...} accessors return empty when the key is missing and still throw on a wrong kind.
 */
public record BDictionary(NavigableMap<BString, BValue> entries) implements BValue {

  private static final BDictionary EMPTY = new BDictionary(new TreeMap<>());

  public BDictionary {
    entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries));
  }

  /** A dictionary with the given entries, in any order. */
  public static BDictionary of(Map<BString, ? extends BValue> entries) {
    return new BDictionary(new TreeMap<>(entries));
  }

  public static BDictionary empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int size() {
    return entries.size();
  }

  public boolean containsKey(String key) {
    return entries.containsKey(BString.of(key));
  }

  /** The value under {@code key}, if any. */
  public Optional<BValue> find(String key) {
    return Optional.ofNullable(entries.get(BString.of(key)));
  }

  /** The value under {@code key}; throws if it is missing. */
  public BValue get(String key) {
    return find(key).orElseThrow(() -> new BencodeException("missing key '" + key + "'"));
  }

  public BString getString(String key) {
    return as(key, get(key), BString.class, "string");
  }

  /** The string under {@code key} decoded as UTF-8 (malformed bytes become U+FFFD). */
  public String getText(String key) {
    return getString(key).asUtf8();
  }

  public long getLong(String key) {
    return as(key, get(key), BInteger.class, "integer").value();
  }

  public BList getList(String key) {
    return as(key, get(key), BList.class, "list");
  }

  public BDictionary getDict(String key) {
    return as(key, get(key), BDictionary.class, "dictionary");
  }

  public Optional<BString> optionalString(String key) {
    return find(key).map(value -> as(key, value, BString.class, "string"));
  }

  public Optional<String> optionalText(String key) {
    return optionalString(key).map(BString::asUtf8);
  }

  public Optional<Long> optionalLong(String key) {
    return find(key).map(value -> as(key, value, BInteger.class, "integer").value());
  }

  public Optional<BList> optionalList(String key) {
    return find(key).map(value -> as(key, value, BList.class, "list"));
  }

  public Optional<BDictionary> optionalDict(String key) {
    return find(key).map(value -> as(key, value, BDictionary.class, "dictionary"));
  }

  /** A copy with {@code key} set to {@code value}. */
  public BDictionary with(String key, BValue value) {
    TreeMap<BString, BValue> copy = new TreeMap<>(entries);
    copy.put(BString.of(key), value);
    return new BDictionary(copy);
  }

  /** A copy without {@code key}. */
  public BDictionary without(String key) {
    TreeMap<BString, BValue> copy = new TreeMap<>(entries);
    copy.remove(BString.of(key));
    return new BDictionary(copy);
  }

  private static <T extends BValue> T as(String key, BValue value, Class<T> type, String kind) {
    if (!type.isInstance(value)) {
      throw new BencodeException("key '" + key + "': expected " + kind + ", found " + value.kind());
    }
    return type.cast(value);
  }

  @Override
  public long encodedLength() {
    long length = 2;
    for (Map.Entry<BString, BValue> entry : entries.entrySet()) {
      length += entry.getKey().encodedLength() + entry.getValue().encodedLength();
    }
    return length;
  }

  @Override
  public String kind() {
    return "dictionary";
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /** Collects entries in any order; keys are sorted when the dictionary is built. */
  public static final class Builder {
    private final TreeMap<BString, BValue> entries = new TreeMap<>();

    private Builder() {}

    public Builder put(String key, BValue value) {
      entries.put(BString.of(key), value);
      return this;
    }

    public Builder put(String key, String utf8) {
      return put(key, BString.of(utf8));
    }

    public Builder put(String key, byte[] bytes) {
      return put(key, new BString(bytes));
    }

    public Builder put(String key, long value) {
      return put(key, new BInteger(value));
    }

    public Builder putAll(BDictionary dictionary) {
      entries.putAll(dictionary.entries());
      return this;
    }

    public BDictionary build() {
      return new BDictionary(entries);
    }
  }
}
