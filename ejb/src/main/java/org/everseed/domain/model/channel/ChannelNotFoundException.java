package org.everseed.domain.model.channel;

/** No channel has this name. */
public class ChannelNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChannelNotFoundException(ChannelName name) {
    super("no channel " + name);
  }
}
