package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseComment;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.domain.model.release.ReleaseRating;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.model.release.ReleaseSearchResult;
import org.everseed.domain.model.release.ReleaseStatus;
import org.everseed.domain.model.release.SwarmFigures;

/**
 * Releases in PostgreSQL. Searching is native SQL: full-text search over the generated {@code
 * release.search} vector (GIN-indexed), joined with the tracker's {@code swarm_stats} snapshot and
 * the ratings, so one query filters, sorts and pages.
 */
@ApplicationScoped
public class JpaReleaseRepository implements ReleaseRepository {
  private static final String LISTING_COLUMNS =
      "r.id, r.name, r.version, c.name, r.kind, r.description, r.tags, r.info_hash, r.total_size,"
          + " r.publisher, r.created_at, r.status, coalesce(s.seeders, 0),"
          + " coalesce(s.leechers, 0), coalesce(s.completed, 0), coalesce(rt.average, 0),"
          + " coalesce(rt.ratings, 0)";
  private static final String LISTING_FROM =
      " from release r join channel c on c.id = r.channel_id"
          + " left join swarm_stats s on s.info_hash = r.info_hash"
          + " left join lateral (select avg(x.stars) as average, count(*) as ratings"
          + " from release_rating x where x.release_id = r.id) rt on true";

  /** Names and tags use the 'simple' configuration, descriptions 'english': query with both. */
  private static final String TEXT_MATCH =
      "(r.search @@ websearch_to_tsquery('simple', :text)"
          + " or r.search @@ websearch_to_tsquery('english', :text))";

  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public Optional<Release> find(ReleaseId id) {
    return Optional.ofNullable(em.find(Release.class, id.value()));
  }

  @Override
  public Optional<Release> findByInfoHash(InfoHash infoHash) {
    return em.createQuery("select r from Release r where r.infoHash = :h", Release.class)
        .setParameter("h", infoHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Release> findInChannel(long channelId, String name, String version) {
    return em.createQuery(
            "select r from Release r where r.channel.id = :c and r.name = :n and r.version = :v",
            Release.class)
        .setParameter("c", channelId)
        .setParameter("n", name)
        .setParameter("v", version)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ReleaseId> activeIdsAfter(long afterId, int limit) {
    return em
        .createQuery(
            "select r.id from Release r where r.status = :active and r.id > :after order by r.id",
            Long.class)
        .setParameter("active", ReleaseStatus.ACTIVE)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(ReleaseId::new)
        .toList();
  }

  @Override
  public void store(Release release) {
    if (!em.contains(release)) {
      em.persist(release);
    }
    em.flush();
  }

  @Override
  public ReleaseSearchResult search(ReleaseQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" where true");
    query
        .text()
        .ifPresent(
            t -> {
              where.append(" and ").append(TEXT_MATCH);
              params.put("text", t);
            });
    if (query.channel().isPresent()) {
      // Resolved first: an id list lets PostgreSQL scan the full-text index once, not per channel.
      List<Long> channelIds = channelIds(query.channel().get());
      if (channelIds.isEmpty()) {
        return new ReleaseSearchResult(List.of(), 0);
      }
      where.append(" and r.channel_id in (:channels)");
      params.put("channels", channelIds);
    }
    query
        .kind()
        .ifPresent(
            k -> {
              where.append(" and r.kind = :kind");
              params.put("kind", k.name());
            });
    query
        .status()
        .ifPresent(
            s -> {
              where.append(" and r.status = :status");
              params.put("status", s.name());
            });

    Query count = em.createNativeQuery("select count(*) from release r" + where);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();

    Query page =
        em.createNativeQuery(
            "select "
                + LISTING_COLUMNS
                + LISTING_FROM
                + where
                + " order by "
                + orderBy(query.sort())
                + " limit :limit offset :offset");
    params.forEach(page::setParameter);
    page.setParameter("limit", query.size());
    page.setParameter("offset", (long) query.page() * query.size());
    List<ReleaseListing> items = new ArrayList<>();
    for (Object row : page.getResultList()) {
      items.add(toListing((Object[]) row));
    }
    return new ReleaseSearchResult(items, total);
  }

  @Override
  public Optional<ReleaseListing> listing(ReleaseId id) {
    List<?> rows =
        em.createNativeQuery("select " + LISTING_COLUMNS + LISTING_FROM + " where r.id = :id")
            .setParameter("id", id.value())
            .getResultList();
    return rows.stream().findFirst().map(row -> toListing((Object[]) row));
  }

  @Override
  public void storeComment(ReleaseComment comment) {
    em.persist(comment);
  }

  @Override
  public List<ReleaseComment> comments(ReleaseId id) {
    return em.createQuery(
            "select c from ReleaseComment c where c.releaseId = :r order by c.createdAt, c.id",
            ReleaseComment.class)
        .setParameter("r", id.value())
        .getResultList();
  }

  @Override
  public Optional<ReleaseRating> findRating(ReleaseId id, String rater) {
    return Optional.ofNullable(
        em.find(ReleaseRating.class, new ReleaseRating.Key(id.value(), rater)));
  }

  @Override
  public void storeRating(ReleaseRating rating) {
    if (!em.contains(rating)) {
      em.persist(rating);
    }
  }

  private List<Long> channelIds(String channel) {
    List<?> ids =
        em.createNativeQuery(
                "select id from channel where name = :name or name like :prefix escape '"
                    + ChannelName.LIKE_ESCAPE
                    + "'")
            .setParameter("name", channel)
            .setParameter("prefix", ChannelName.subChannelsPattern(channel))
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  private static String orderBy(ReleaseQuery.Sort sort) {
    return switch (sort) {
      case CREATED -> "r.created_at desc, r.id desc";
      case SEEDERS -> "coalesce(s.seeders, 0) desc, r.created_at desc, r.id desc";
      case COMPLETED -> "coalesce(s.completed, 0) desc, r.created_at desc, r.id desc";
      case RATING -> "coalesce(rt.average, 0) desc, r.created_at desc, r.id desc";
      case NAME -> "lower(r.name), r.version desc, r.id";
    };
  }

  private static ReleaseListing toListing(Object[] row) {
    String tags = (String) row[6];
    return new ReleaseListing(
        new ReleaseId(((Number) row[0]).longValue()),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        ReleaseKind.valueOf((String) row[4]),
        (String) row[5],
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
        InfoHash.fromHex((String) row[7]),
        ((Number) row[8]).longValue(),
        (String) row[9],
        toInstant(row[10]),
        ReleaseStatus.valueOf((String) row[11]),
        new SwarmFigures(
            ((Number) row[12]).longValue(),
            ((Number) row[13]).longValue(),
            ((Number) row[14]).longValue()),
        row[15] instanceof BigDecimal d ? d.doubleValue() : ((Number) row[15]).doubleValue(),
        ((Number) row[16]).longValue());
  }

  private static Instant toInstant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
