package org.everseed.it.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON reading for the tests: top-level string and number fields of small bodies. */
final class Json {
  private Json() {}

  /** The first string value of {@code name}; fails the test if there is none. */
  static String string(String body, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
    if (!m.find()) {
      throw new AssertionError("no string field " + name + " in " + body);
    }
    return m.group(1);
  }

  /** The first number value of {@code name}; fails the test if there is none. */
  static long number(String body, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(body);
    if (!m.find()) {
      throw new AssertionError("no number field " + name + " in " + body);
    }
    return Long.parseLong(m.group(1));
  }

  /** Every string value of {@code name}, in order (e.g. one per element of a list). */
  static List<String> strings(String body, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /**
   * The flat object (no nested objects) in which {@code name} has the string value {@code value},
   * e.g. one agent of a list; fails the test if there is none.
   */
  static String objectWith(String body, String name, String value) {
    int at = body.indexOf("\"" + name + "\":" + quote(value));
    if (at < 0) {
      throw new AssertionError("no object with " + name + "=" + value + " in " + body);
    }
    return body.substring(body.lastIndexOf('{', at), body.indexOf('}', at) + 1);
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
