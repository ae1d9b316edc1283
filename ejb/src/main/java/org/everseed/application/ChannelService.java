package org.everseed.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.everseed.application.audit.AuditTrail;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelExistsException;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.channel.ChannelNotFoundException;
import org.everseed.domain.model.channel.ChannelRepository;
import org.everseed.domain.model.channel.PublisherRole;

/** Reads and maintains channels. */
@Stateless
public class ChannelService {
  @Inject ChannelRepository channels;
  @Inject AuditTrail audit;
  @Resource EJBContext context;
  @Inject Clock clock;

  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN, Roles.AGENT})
  public List<Channel> listChannels() {
    return channels.findAll();
  }

  /** One channel with its publisher grants. */
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  public Channel channel(ChannelName name) {
    return channels.find(name).orElseThrow(() -> new ChannelNotFoundException(name));
  }

  /**
   * Lets {@code role} publish into the channel and the channels below it; the first grant restricts
   * an open channel.
   *
   * @return true if granted now, false if the role had the grant already
   */
  @RolesAllowed(Roles.ADMIN)
  public boolean grantPublishing(ChannelName name, PublisherRole role) {
    Channel channel = channel(name);
    String admin = context.getCallerPrincipal().getName();
    boolean granted = channel.grantPublishing(role, admin, Instant.now(clock));
    if (granted) {
      channels.store(channel);
      audit.record(
          admin,
          AuditAction.CHANNEL_PUBLISHER_GRANTED,
          AuditTrail.channel(name.value()),
          "role",
          role.value());
    }
    return granted;
  }

  /**
   * Takes publishing into the channel away from {@code role}; without grants left the channel is
   * open to every publisher again.
   *
   * @return false if the role had no grant on this channel
   */
  @RolesAllowed(Roles.ADMIN)
  public boolean revokePublishing(ChannelName name, PublisherRole role) {
    Channel channel = channel(name);
    boolean revoked = channel.revokePublishing(role);
    if (revoked) {
      channels.store(channel);
      audit.record(
          context.getCallerPrincipal().getName(),
          AuditAction.CHANNEL_PUBLISHER_REVOKED,
          AuditTrail.channel(name.value()),
          "role",
          role.value(),
          "restricted",
          String.valueOf(channel.restricted()));
    }
    return revoked;
  }

  /**
   * Opens a new channel to publish into.
   *
   * @throws ChannelExistsException if the name is taken
   */
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  public Channel createChannel(ChannelName name, String description) {
    if (channels.find(name).isPresent()) {
      throw new ChannelExistsException(name);
    }
    Channel channel = new Channel(name, description, Instant.now(clock));
    channels.store(channel);
    audit.record(
        context.getCallerPrincipal().getName(),
        AuditAction.CHANNEL_CREATED,
        AuditTrail.channel(name.value()),
        "description",
        description);
    return channel;
  }

  /**
   * Opens a channel's swarms to standard BitTorrent clients (plaintext peers), or closes them to
   * TLS-authenticated fleet agents only; audited. Agents apply it to releases they start after
   * their next poll.
   *
   * @throws ChannelNotFoundException if there is no such channel
   */
  @RolesAllowed(Roles.ADMIN)
  public Channel setOpenToStandardClients(ChannelName name, boolean open) {
    Channel channel = channels.find(name).orElseThrow(() -> new ChannelNotFoundException(name));
    if (channel.isOpenToStandardClients() != open) {
      if (open) {
        channel.openToStandardClients();
      } else {
        channel.closeToStandardClients();
      }
      audit.record(
          context.getCallerPrincipal().getName(),
          open
              ? AuditAction.CHANNEL_OPENED_TO_STANDARD_CLIENTS
              : AuditAction.CHANNEL_CLOSED_TO_STANDARD_CLIENTS,
          AuditTrail.channel(name.value()),
          "openToStandardClients",
          Boolean.toString(open));
    }
    return channel;
  }
}
