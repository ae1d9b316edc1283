package org.everseed.domain.model.tracking;

/**
 * Room for stored peers beyond one swarm: the registry's global bound and each passkey's total. A
 * {@link Swarm} takes one unit for every peer it stores and gives it back for every peer it drops,
 * so the owner of the budget can keep its counts without looking into swarms.
 */
public interface PeerBudget {

  /** Reserves room for one more peer of {@code owner}; false when a limit is reached. */
  boolean take(Passkey owner);

  /** Returns the room of one peer of {@code owner} that is no longer stored. */
  void giveBack(Passkey owner);

  /** No limit beyond the swarm's own (tests of a single swarm). */
  PeerBudget UNLIMITED =
      new PeerBudget() {
        @Override
        public boolean take(Passkey owner) {
          return true;
        }

        @Override
        public void giveBack(Passkey owner) {}
      };
}
