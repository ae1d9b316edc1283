package org.everseed.agent.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The agent's JSON, read and written by Jackson with limits, so an answer from a hostile or broken
 * server costs a bounded amount of memory and stack and fails as an {@link
 * IllegalArgumentException}: nesting deeper than {@link #MAX_DEPTH}, a document longer than {@link
 * #MAX_DOCUMENT_CHARS}, a string longer than {@link #MAX_STRING_CHARS} or a number longer than
 * {@link #MAX_NUMBER_CHARS} is refused while it is read. Values come back as {@code Map}, {@code
 * List}, {@code String}, {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} and
 * {@code null}; duplicate keys are refused.
 */
public final class Json {

  /**
   * The agent API's deepest answer is 3 levels (a list of objects); anything past this is hostile.
   */
  public static final int MAX_DEPTH = 32;

  /** About 20,000 release assignments: far beyond any channel set, far below the heap. */
  public static final long MAX_DOCUMENT_CHARS = 8L << 20;

  /** Names, versions, URLs and messages; a bearer token is a few KiB. */
  public static final int MAX_STRING_CHARS = 64 * 1024;

  public static final int MAX_NUMBER_CHARS = 64;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxDocumentLength(MAX_DOCUMENT_CHARS)
                          .maxStringLength(MAX_STRING_CHARS)
                          .maxNumberLength(MAX_NUMBER_CHARS)
                          .maxNameLength(MAX_STRING_CHARS)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /**
   * Parses one JSON value; throws {@link IllegalArgumentException} on malformed or oversize input.
   */
  public static Object parse(String text) {
    if (text.length() > MAX_DOCUMENT_CHARS) {
      throw new IllegalArgumentException(
          "JSON document of " + text.length() + " characters exceeds " + MAX_DOCUMENT_CHARS);
    }
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A JSON string literal, or {@code null}. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
  }
}
