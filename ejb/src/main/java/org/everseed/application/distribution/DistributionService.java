package org.everseed.application.distribution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.catalog.TorrentPersonalizer;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.distribution.DistributionRecord;
import org.everseed.domain.model.distribution.Progress;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentDisabledException;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRepository;
import org.everseed.domain.model.fleet.PasskeyGrantRepository;
import org.everseed.domain.model.fleet.UnknownAgentException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseRepository;

/**
 * What agents are given and what they report back: the active releases of the channels an agent
 * subscribed to (sub-channels included), their torrents with the agent's own passkey, and the
 * agent's distribution reports (started, progress, completed, failed; bytes from peers and from the
 * web seed).
 */
@Stateless
@RolesAllowed(Roles.AGENT)
public class DistributionService {
  private static final int MAX_ASSIGNMENTS = 200;

  @PersistenceContext(unitName = "everseed")
  EntityManager em;

  @Inject AgentRepository agents;
  @Inject PasskeyGrantRepository passkeys;
  @Inject ReleaseRepository releases;
  @Inject Clock clock;

  /** The newest active releases of the agent's channels, newest first. */
  public List<Release> assignments(AgentId id) {
    Agent agent = activeAgent(id);
    List<ChannelName> channels = agent.channels();
    if (channels.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < channels.size(); i++) {
      where.append(i == 0 ? "" : " or ");
      where
          .append("c.name = :n")
          .append(i)
          .append(" or c.name like :p")
          .append(i)
          .append(" escape '")
          .append(ChannelName.LIKE_ESCAPE)
          .append('\'');
    }
    var query =
        em.createQuery(
            "select r from Release r join r.channel c where r.status ="
                + " org.everseed.domain.model.release.ReleaseStatus.ACTIVE and ("
                + where
                + ") order by r.createdAt desc",
            Release.class);
    for (int i = 0; i < channels.size(); i++) {
      query.setParameter("n" + i, channels.get(i).value());
      query.setParameter("p" + i, channels.get(i).subChannelsPattern());
    }
    return query.setMaxResults(MAX_ASSIGNMENTS).getResultList();
  }

  /** A release's torrent with the agent's live passkey in its tracker and web seed URLs. */
  public byte[] torrentFor(AgentId id, ReleaseId releaseId, String baseUrl) {
    Agent agent = activeAgent(id);
    Release release =
        releases.find(releaseId).orElseThrow(() -> new ReleaseNotFoundException(releaseId));
    String passkey =
        passkeys
            .findLiveForAgent(agent.id().value())
            .orElseThrow(() -> new AgentDisabledException(agent.name()))
            .passkey()
            .value();
    return TorrentPersonalizer.personalize(release.torrent(), baseUrl, passkey);
  }

  /** Records one report; the agent must be active and the release must exist. */
  public void report(AgentId id, ReleaseId releaseId, Progress progress) {
    Agent agent = activeAgent(id);
    releases.find(releaseId).orElseThrow(() -> new ReleaseNotFoundException(releaseId));
    em.persist(
        new DistributionRecord(
            agent.id(),
            releaseId,
            progress.state(),
            progress.bytesFromPeers(),
            progress.bytesFromWebSeed(),
            progress.elapsed().toMillis(),
            progress.hookExitCode().orElse(null),
            progress.message(),
            Instant.now(clock)));
  }

  private Agent activeAgent(AgentId id) {
    Agent agent = agents.find(id).orElseThrow(() -> new UnknownAgentException(id));
    if (!agent.isActive()) {
      throw new AgentDisabledException(agent.name());
    }
    return agent;
  }
}
