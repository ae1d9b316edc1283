package org.everseed.domain.model.channel;

/** A channel of this name exists already; channel names are unique. */
public class ChannelExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ChannelExistsException(ChannelName name) {
    super("channel " + name + " exists already");
  }
}
