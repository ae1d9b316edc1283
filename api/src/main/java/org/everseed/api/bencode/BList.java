package org.everseed.api.bencode;

import java.util.List;

/** A bencoded list. */
public record BList(List<BValue> values) implements BValue {

  public BList {
    values = List.copyOf(values);
  }

  public static BList of(BValue... values) {
    return new BList(List.of(values));
  }

  /** A list of UTF-8 strings. */
  public static BList ofStrings(List<String> texts) {
    return new BList(texts.stream().<BValue>map(BString::of).toList());
  }

  public int size() {
    return values.size();
  }

  public BValue get(int index) {
    return values.get(index);
  }

  @Override
  public long encodedLength() {
    long length = 2;
    for (BValue value : values) {
      length += value.encodedLength();
    }
    return length;
  }

  @Override
  public String kind() {
    return "list";
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
