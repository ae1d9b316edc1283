package org.everseed.domain.model.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where channels are kept. */
public interface ChannelRepository {
  Optional<Channel> find(ChannelName name);

  List<Channel> findAll();

  /** The channels of these names that exist. */
  List<Channel> findAll(Collection<ChannelName> names);

  void store(Channel channel);
}
