package org.everseed.domain.model.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseDescriptionTest {
  @Test
  void normalisesTextAndTags() {
    ReleaseDescription d =
        new ReleaseDescription(
            "  erp  ",
            " 1.0 ",
            ReleaseKind.APPLICATION,
            null,
            List.of(" Linux", "linux", "", "x64"));
    assertEquals("erp", d.name());
    assertEquals("1.0", d.version());
    assertEquals("", d.text());
    assertEquals(List.of("linux", "x64"), d.tags());
  }

  @Test
  void namesTheFieldThatBreaksARule() {
    assertEquals(
        "name", fieldOf(() -> new ReleaseDescription(" ", "1", ReleaseKind.OTHER, "", null)));
    assertEquals(
        "version",
        fieldOf(() -> new ReleaseDescription("a", "v".repeat(101), ReleaseKind.OTHER, "", null)));
    assertEquals(
        "name",
        fieldOf(() -> new ReleaseDescription("a\u0000b", "1", ReleaseKind.OTHER, "", null)));
    assertEquals(
        "tags",
        fieldOf(
            () ->
                new ReleaseDescription(
                    "a", "1", ReleaseKind.OTHER, "", List.of("t".repeat(600), "u".repeat(600)))));
  }

  @Test
  void unknownKindSaysWhichAreKnown() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReleaseKind.parse("movie"));
    assertEquals(
        "unknown kind 'movie'; one of patch, application, dataset, image, document, other",
        e.getMessage());
  }

  private static String fieldOf(Runnable r) {
    return assertThrows(InvalidReleaseException.class, r::run).field();
  }
}
