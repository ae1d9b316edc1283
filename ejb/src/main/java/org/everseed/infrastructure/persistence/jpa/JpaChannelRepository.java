package org.everseed.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.channel.ChannelRepository;

/** Channels in PostgreSQL. */
@ApplicationScoped
public class JpaChannelRepository implements ChannelRepository {
  @PersistenceContext(unitName = "everseed")
  private EntityManager em;

  @Override
  public Optional<Channel> find(ChannelName name) {
    return em.createQuery("select c from Channel c where c.name = :name", Channel.class)
        .setParameter("name", name.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Channel> findAll() {
    return em.createQuery("select c from Channel c order by c.name", Channel.class).getResultList();
  }

  @Override
  public List<Channel> findAll(Collection<ChannelName> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select c from Channel c where c.name in :names", Channel.class)
        .setParameter("names", names.stream().map(ChannelName::value).toList())
        .getResultList();
  }

  @Override
  public void store(Channel channel) {
    if (channel.id() == null) {
      em.persist(channel);
    } else {
      em.merge(channel);
    }
  }
}
