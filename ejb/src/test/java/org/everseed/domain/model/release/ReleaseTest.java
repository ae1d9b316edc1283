package org.everseed.domain.model.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;
import org.junit.jupiter.api.Test;

class ReleaseTest {
  private final Release release =
      new Release(
          new Channel(new ChannelName("patches/linux"), "", Instant.EPOCH),
          new ReleaseDescription("kernel", "6.1", ReleaseKind.PATCH, "", List.of("linux")),
          new ReleasePayload(
              InfoHash.fromHex("a".repeat(40)),
              16384,
              10,
              new byte[] {1},
              "a".repeat(40),
              List.of(new ReleaseFile("f", 10))),
          "alice",
          Instant.EPOCH);

  @Test
  void itsInfoHashIsAValueNotText() {
    assertEquals(InfoHash.fromHex("a".repeat(40)), release.infoHash());
  }

  @Test
  void onlyItsPublisherOrAnAdminMayRetireIt() {
    assertTrue(release.mayBeRetiredBy("alice", false));
    assertTrue(release.mayBeRetiredBy("bob", true));
    assertFalse(release.mayBeRetiredBy("bob", false));
  }

  @Test
  void retiringRecordsWhoWhenAndWhyAndHappensOnce() {
    Instant at = Instant.parse("2026-11-22T00:00:00Z");
    release.retire("alice", "superseded", at);

    assertFalse(release.isActive());
    assertEquals(ReleaseStatus.RETIRED, release.status());
    assertEquals("alice", release.retiredBy());
    assertEquals("superseded", release.retireReason());
    assertEquals(at, release.retiredAt());
    assertThrows(IllegalStateException.class, () -> release.retire("alice", "again", at));
  }

  @Test
  void ratingsAreOneToFiveStars() {
    ReleaseId id = new ReleaseId(1);
    assertEquals(5, new ReleaseRating(id, "a", 5, Instant.EPOCH).stars());
    assertEquals(
        "stars",
        assertThrows(
                InvalidReleaseException.class, () -> new ReleaseRating(id, "a", 0, Instant.EPOCH))
            .field());
    assertThrows(InvalidReleaseException.class, () -> new ReleaseRating(id, "a", 6, Instant.EPOCH));
  }

  @Test
  void commentsAreNeitherEmptyNorHuge() {
    ReleaseId id = new ReleaseId(1);
    assertEquals("hi", new ReleaseComment(id, "a", "  hi ", Instant.EPOCH).body());
    assertThrows(
        InvalidReleaseException.class, () -> new ReleaseComment(id, "a", " ", Instant.EPOCH));
    assertThrows(
        InvalidReleaseException.class,
        () -> new ReleaseComment(id, "a", "x".repeat(10_001), Instant.EPOCH));
  }
}
