package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agent's JSON reader and its limits (issue 14: a hostile answer used to overflow the stack).
 */
class JsonTest {

  private static String repeat(String text, int times) {
    return text.repeat(times);
  }

  @Test
  void readsTheAgentApisShapes() {
    Object value =
        Json.parse(
            "[{\"releaseId\":42,\"name\":\"tool\",\"size\":3000000000,\"ok\":true,\"x\":null,"
                + "\"ratio\":0.5,\"tags\":[\"a\",\"b\"]}]");
    Map<?, ?> release = (Map<?, ?>) ((List<?>) value).get(0);
    assertEquals(42L, release.get("releaseId"));
    assertEquals(3_000_000_000L, release.get("size"));
    assertEquals("tool", release.get("name"));
    assertEquals(Boolean.TRUE, release.get("ok"));
    assertTrue(release.containsKey("x"));
    assertEquals(0.5, release.get("ratio"));
    assertEquals(List.of("a", "b"), release.get("tags"));
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = repeat("[", 100_000) + repeat("]", 100_000);
    assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
    String deepObjects = repeat("{\"a\":", 100_000) + "1" + repeat("}", 100_000);
    assertThrows(IllegalArgumentException.class, () -> Json.parse(deepObjects));
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    int depth = Json.MAX_DEPTH;
    Object value = Json.parse(repeat("[", depth) + repeat("]", depth));
    assertTrue(value instanceof List<?>);
    assertThrows(
        IllegalArgumentException.class,
        () -> Json.parse(repeat("[", depth + 1) + repeat("]", depth + 1)));
  }

  @Test
  void oversizeDocumentsStringsAndNumbersAreRefused() {
    char[] big = new char[(int) Json.MAX_DOCUMENT_CHARS + 10];
    Arrays.fill(big, ' ');
    big[0] = '[';
    big[big.length - 1] = ']';
    assertThrows(IllegalArgumentException.class, () -> Json.parse(new String(big)));
    String longString = "\"" + "x".repeat(Json.MAX_STRING_CHARS + 1) + "\"";
    assertThrows(IllegalArgumentException.class, () -> Json.parse(longString));
    assertEquals(
        Json.MAX_STRING_CHARS,
        ((String) Json.parse("\"" + "x".repeat(Json.MAX_STRING_CHARS) + "\"")).length());
    assertThrows(
        IllegalArgumentException.class, () -> Json.parse("1" + "0".repeat(Json.MAX_NUMBER_CHARS)));
  }

  @Test
  void malformedTrailingAndDuplicateInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] [2]"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{'a':1}"));
  }

  @Test
  void quotedStringsReadBackAsTheyWere() {
    String awkward = "quote \" backslash \\ newline \n tab \t nul \0 é ✓";
    assertEquals(awkward, Json.parse(Json.quote(awkward)));
    assertEquals("null", Json.quote(null));
  }
}
