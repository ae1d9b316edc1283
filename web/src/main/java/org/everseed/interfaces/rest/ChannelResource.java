package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.everseed.api.rest.ChannelAccess;
import org.everseed.api.rest.ChannelCreation;
import org.everseed.api.rest.ChannelSummary;
import org.everseed.application.ChannelService;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;

/** The channels releases are published under. */
@Path("/channels")
@RequestScoped
public class ChannelResource {
  @Inject ChannelService channels;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN, Roles.AGENT})
  public List<ChannelSummary> list() {
    return channels.listChannels().stream().map(ChannelResource::summary).toList();
  }

  /** 201 with the new channel; 400 for a malformed name, 409 if it exists. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  public Response create(ChannelCreation creation, @Context UriInfo uri) {
    if (creation == null || creation.name() == null) {
      throw new IllegalArgumentException("a channel needs a name");
    }
    Channel created =
        channels.createChannel(new ChannelName(creation.name()), creation.description());
    return Response.created(uri.getAbsolutePathBuilder().path(created.name().value()).build())
        .entity(summary(created))
        .build();
  }

  /**
   * Opens the channel's swarms to standard BitTorrent clients, or keeps them to fleet agents over
   * TLS; 200 with the channel, 404 if there is none. Admins only: it decides whether a release may
   * travel in plaintext.
   */
  @PUT
  @Path("/{name: [a-z0-9][a-z0-9._/-]*}/access")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public ChannelSummary access(@PathParam("name") String name, ChannelAccess access) {
    if (access == null) {
      throw new IllegalArgumentException("send {\"openToStandardClients\": true|false}");
    }
    return summary(
        channels.setOpenToStandardClients(new ChannelName(name), access.openToStandardClients()));
  }

  private static ChannelSummary summary(Channel c) {
    return new ChannelSummary(
        c.name().value(), c.description(), c.createdAt(), c.isOpenToStandardClients());
  }
}
