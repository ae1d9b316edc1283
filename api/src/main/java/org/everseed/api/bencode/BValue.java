package org.everseed.api.bencode;

/**
 * A bencoded value: a byte string, an integer, a list or a dictionary. Values are immutable and
 * compare by content.
 */
public sealed interface BValue permits BString, BInteger, BList, BDictionary {

  /** The number of bytes {@link BencodeEncoder} writes for this value. */
  long encodedLength();

  /** A short name of the kind of value, for error messages ("string", "integer", ...). */
  String kind();
}
