package org.everseed.domain.model.channel;

import java.util.List;
import java.util.Optional;

/** Where channels are kept. */
public interface ChannelRepository {
  Optional<Channel> find(ChannelName name);

  List<Channel> findAll();

  void store(Channel channel);
}
