package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.agent.swarm.Choker.Candidate;
import org.junit.jupiter.api.Test;

class ChokerTest {

  private static List<Candidate<String>> peers() {
    return List.of(
        new Candidate<>("fast", true, 900),
        new Candidate<>("quick", true, 800),
        new Candidate<>("slow", true, 10),
        new Candidate<>("slower", true, 5),
        new Candidate<>("idle", false, 5000));
  }

  @Test
  void fastestInterestedPeersGetTheRegularSlots() {
    Choker<String> choker = new Choker<>(2, 3, new Random(1));
    Choker.Decision<String> decision = choker.decide(peers());
    assertTrue(decision.unchoked().containsAll(Set.of("fast", "quick")));
    assertFalse(decision.unchoked().contains("idle"), "not interested, never unchoked");
    assertEquals(3, decision.unchoked().size(), "two regular slots plus one optimistic");
    String optimistic = decision.optimistic().orElseThrow();
    assertTrue(Set.of("slow", "slower").contains(optimistic));
  }

  @Test
  void optimisticUnchokeStaysForItsRoundsThenRotates() {
    Choker<String> choker = new Choker<>(1, 3, new Random(3));
    Set<String> optimistic = new HashSet<>();
    String first = choker.decide(peers()).optimistic().orElseThrow();
    assertEquals(first, choker.decide(peers()).optimistic().orElseThrow());
    assertEquals(first, choker.decide(peers()).optimistic().orElseThrow());
    for (int round = 0; round < 30; round++) {
      optimistic.add(choker.decide(peers()).optimistic().orElseThrow());
    }
    assertTrue(optimistic.size() > 1, "rotates among choked peers: " + optimistic);
    assertFalse(optimistic.contains("fast"), "never spends the optimistic slot on a regular one");
  }

  @Test
  void nobodyInterestedNobodyUnchoked() {
    Choker<String> choker = new Choker<>(4, 3, new Random(1));
    assertTrue(choker.decide(List.of(new Candidate<>("a", false, 1))).unchoked().isEmpty());
  }

  @Test
  void anOptimisticPeerThatLeftIsReplacedAtOnce() {
    Choker<String> choker = new Choker<>(1, 100, new Random(1));
    String optimistic = choker.decide(peers()).optimistic().orElseThrow();
    List<Candidate<String>> without =
        peers().stream().filter(c -> !c.peer().equals(optimistic)).toList();
    String next = choker.decide(without).optimistic().orElseThrow();
    assertFalse(next.equals(optimistic));
  }
}
