package org.everseed.domain.model.channel;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may publish into a channel. The nearest restricted channel on the path decides: the channel
 * itself if it has grants, else its closest ancestor that has some ({@code apps/erp} governs {@code
 * apps/erp/v2} and any new channel below it, since agents subscribed to {@code apps/erp} install
 * what is published below it). A path without a restricted channel is open to every publisher.
 *
 * @param target the channel published into (it may not exist yet)
 * @param governing the restricted channel that decides, if any
 */
public record PublishingRights(ChannelName target, Optional<Channel> governing) {

  /**
   * @param lineage the existing channels among {@code target} and its ancestors ({@link
   *     ChannelName#lineage()}), in any order
   */
  public static PublishingRights of(ChannelName target, Collection<Channel> lineage) {
    List<String> path = target.lineage().stream().map(ChannelName::value).toList();
    return new PublishingRights(
        target,
        lineage.stream()
            .filter(c -> path.contains(c.name().value()) && c.restricted())
            .max(Comparator.comparingInt(c -> c.name().value().length())));
  }

  /** Whether a caller holding the roles {@code callerHasRole} accepts may publish. */
  public boolean allow(Predicate<String> callerHasRole) {
    return governing
        .map(c -> c.publishers().stream().anyMatch(g -> callerHasRole.test(g.role().value())))
        .orElse(true);
  }

  /** The roles that may publish here; empty when the path is open. */
  public List<PublisherRole> roles() {
    return governing
        .map(c -> c.publishers().stream().map(PublisherGrant::role).toList())
        .orElse(List.of());
  }
}
