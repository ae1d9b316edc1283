package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Decides whom to upload to (BEP 3 choking), pure and deterministic given its random source.
 *
 * <p>Every round the {@code regularSlots} interested peers with the best rate are unchoked: the
 * rate they send to us while we download (tit-for-tat), the rate we send to them once we seed (so
 * the fastest receivers spread the data on). One more interested peer, rotated every {@code
 * optimisticEveryRounds} rounds, is unchoked optimistically so newcomers get a start and better
 * partners are found.
 *
 * @param <K> how the caller names a peer
 */
public final class Choker<K> {

  /** What the choker knows of one connected peer. */
  public record Candidate<K>(K peer, boolean interested, double rate) {}

  /** The outcome of a round: who is unchoked, and which of them is the optimistic one. */
  public record Decision<K>(Set<K> unchoked, Optional<K> optimistic) {}

  private final int regularSlots;
  private final int optimisticEveryRounds;
  private final Random random;
  private K optimistic;
  private int round;

  public Choker(int regularSlots, int optimisticEveryRounds, Random random) {
    this.regularSlots = regularSlots;
    this.optimisticEveryRounds = optimisticEveryRounds;
    this.random = random;
  }

  public Decision<K> decide(List<Candidate<K>> candidates) {
    List<Candidate<K>> interested = new ArrayList<>();
    for (Candidate<K> candidate : candidates) {
      if (candidate.interested()) {
        interested.add(candidate);
      }
    }
    interested.sort(Comparator.comparingDouble((Candidate<K> c) -> c.rate()).reversed());
    Set<K> unchoked = new HashSet<>();
    for (int i = 0; i < interested.size() && unchoked.size() < regularSlots; i++) {
      unchoked.add(interested.get(i).peer());
    }
    boolean rotate = round++ % optimisticEveryRounds == 0;
    boolean optimisticStillThere =
        optimistic != null
            && interested.stream().anyMatch(c -> c.peer().equals(optimistic))
            && !unchoked.contains(optimistic);
    if (rotate || !optimisticStillThere) {
      List<K> rest = new ArrayList<>();
      for (Candidate<K> candidate : interested) {
        if (!unchoked.contains(candidate.peer())) {
          rest.add(candidate.peer());
        }
      }
      optimistic = rest.isEmpty() ? null : rest.get(random.nextInt(rest.size()));
    }
    if (optimistic != null) {
      unchoked.add(optimistic);
    }
    return new Decision<>(Set.copyOf(unchoked), Optional.ofNullable(optimistic));
  }
}
