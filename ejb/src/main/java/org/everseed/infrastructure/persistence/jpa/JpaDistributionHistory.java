package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.domain.model.distribution.AgentOutcome;
import org.everseed.domain.model.distribution.DistributionHistory;
import org.everseed.domain.model.distribution.DistributionRecord;
import org.everseed.domain.model.distribution.ReleaseOutcome;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.release.ReleaseId;

/**
 * The reports' queries in SQL: one statement per report, so a release with ten thousand targeted
 * agents is one round trip. Channel coverage is tested on the agent's comma-separated channel list:
 * a subscription to {@code a} covers {@code a} and {@code a/...}.
 */
@ApplicationScoped
public class JpaDistributionHistory implements DistributionHistory {
  private static final String OUTCOMES =
      """
      with rel as (
        select r.id, r.info_hash, c.name as channel
        from release r join channel c on c.id = r.channel_id where r.id = ?1
      ), latest as (
        select distinct on (d.agent_id) d.agent_id, d.state, d.reported_at, d.bytes_from_peers,
               d.bytes_from_web_seed, d.hook_exit_code, d.message
        from distribution_report d where d.release_id = ?1
        order by d.agent_id, d.reported_at desc, d.id desc
      ), tracker_done as (
        select t.agent_id, min(t.occurred_at) as completed_at
        from tracker_event t join rel on t.info_hash = rel.info_hash
        where t.event = 'COMPLETED' and t.agent_id is not null
        group by t.agent_id
      ), subscribed as (
        select a.id from agent a cross join rel
        where a.status = 'ACTIVE' and exists (
          select 1 from unnest(string_to_array(a.channels, ',')) as ch(name)
          where rel.channel = ch.name or left(rel.channel, length(ch.name) + 1) = ch.name || '/')
      ), targeted as (
        select id as agent_id from subscribed
        union select agent_id from latest
        union select agent_id from tracker_done
      )
      select a.id, a.name, a.site, l.state, l.reported_at, l.bytes_from_peers,
             l.bytes_from_web_seed, l.hook_exit_code, l.message, td.completed_at
      from targeted t
      join agent a on a.id = t.agent_id
      left join latest l on l.agent_id = a.id
      left join tracker_done td on td.agent_id = a.id
      order by a.site, a.name
      """;

  private static final String HISTORY =
      """
      with latest as (
        select distinct on (d.release_id) d.release_id, d.state, d.reported_at, d.bytes_from_peers,
               d.bytes_from_web_seed, d.message
        from distribution_report d where d.agent_id = ?1
        order by d.release_id, d.reported_at desc, d.id desc
      ), failures as (
        select release_id, count(*) as failed from distribution_report
        where agent_id = ?1 and state = 'FAILED' group by release_id
      )
      select r.id, r.name, r.version, c.name, l.state, l.reported_at, l.bytes_from_peers,
             l.bytes_from_web_seed, l.message, coalesce(f.failed, 0)
      from latest l
      join release r on r.id = l.release_id
      join channel c on c.id = r.channel_id
      left join failures f on f.release_id = l.release_id
      order by l.reported_at desc, r.id desc
      """;

  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public List<AgentOutcome> outcomesOf(ReleaseId release) {
    List<AgentOutcome> outcomes = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(OUTCOMES).setParameter(1, release.value()).getResultList()) {
      Object[] c = (Object[]) row;
      Optional<AgentOutcome.LatestReport> latest =
          c[3] == null
              ? Optional.empty()
              : Optional.of(
                  new AgentOutcome.LatestReport(
                      DistributionRecord.State.valueOf((String) c[3]),
                      JpaAuditLog.instant(c[4]),
                      ((Number) c[5]).longValue(),
                      ((Number) c[6]).longValue(),
                      c[7] == null ? null : ((Number) c[7]).intValue(),
                      (String) c[8]));
      outcomes.add(
          new AgentOutcome(
              ((Number) c[0]).longValue(),
              (String) c[1],
              (String) c[2],
              latest,
              Optional.ofNullable(c[9]).map(JpaAuditLog::instant)));
    }
    return outcomes;
  }

  @Override
  public List<ReleaseOutcome> historyOf(AgentId agent) {
    List<ReleaseOutcome> history = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(HISTORY).setParameter(1, agent.value()).getResultList()) {
      Object[] c = (Object[]) row;
      history.add(
          new ReleaseOutcome(
              ((Number) c[0]).longValue(),
              (String) c[1],
              (String) c[2],
              (String) c[3],
              DistributionRecord.State.valueOf((String) c[4]),
              JpaAuditLog.instant(c[5]),
              ((Number) c[6]).longValue(),
              ((Number) c[7]).longValue(),
              (String) c[8],
              ((Number) c[9]).intValue()));
    }
    return history;
  }
}
