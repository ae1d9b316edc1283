package org.everseed.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelRepository;

/** Reads and maintains channels. */
@Stateless
public class ChannelService {
  @Inject ChannelRepository channels;

  public List<Channel> listChannels() {
    return channels.findAll();
  }
}
