package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.everseed.api.rest.ChannelAccess;
import org.everseed.api.rest.ChannelCreation;
import org.everseed.api.rest.ChannelPublishers;
import org.everseed.api.rest.ChannelSummary;
import org.everseed.application.ChannelService;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.channel.PublisherRole;

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

  @GET
  @Path("{name: .+}/publishers")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  @Operation(
      summary = "Who may publish into a channel",
      description =
          "The Keycloak realm roles granted to publish into the channel and the channels below"
              + " it. No grant: the channel is open to every publisher (unless an ancestor is"
              + " restricted). 404 for an unknown channel.")
  public ChannelPublishers publishers(@PathParam("name") String name) {
    return publishers(channels.channel(new ChannelName(name)));
  }

  /** 201 when granted now, 200 when the role had the grant already; admins only. */
  @PUT
  @Path("{name: .+}/publishers/{role}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Let a realm role publish into a channel",
      description =
          "Admins only. The first grant restricts an open channel: from then on only callers"
              + " holding a granted role (and admins) may publish into it and below it; others"
              + " get 403 and an audit event PUBLISH_DENIED. 201 when granted now, 200 when the"
              + " role had the grant already, 404 for an unknown channel.")
  @APIResponse(responseCode = "201", description = "granted now")
  @APIResponse(responseCode = "200", description = "the role had the grant already")
  public Response grant(@PathParam("name") String name, @PathParam("role") String role) {
    ChannelName channel = new ChannelName(name);
    boolean granted = channels.grantPublishing(channel, new PublisherRole(role));
    return Response.status(granted ? Response.Status.CREATED : Response.Status.OK)
        .entity(publishers(channels.channel(channel)))
        .build();
  }

  /** 204 when revoked, 404 when the role had no grant; admins only. */
  @DELETE
  @Path("{name: .+}/publishers/{role}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Take publishing into a channel away from a realm role",
      description =
          "Admins only. Removing the last grant opens the channel to every publisher again."
              + " 204 when revoked, 404 when the role had no grant or the channel is unknown.")
  public Response revoke(@PathParam("name") String name, @PathParam("role") String role) {
    if (!channels.revokePublishing(new ChannelName(name), new PublisherRole(role))) {
      throw new NotFoundException("role " + role + " has no grant on channel " + name);
    }
    return Response.noContent().build();
  }

  private static ChannelPublishers publishers(Channel c) {
    return new ChannelPublishers(
        c.name().value(),
        c.restricted(),
        c.publishers().stream()
            .map(g -> new ChannelPublishers.Grant(g.role().value(), g.grantedBy(), g.grantedAt()))
            .toList());
  }

  private static ChannelSummary summary(Channel c) {
    return new ChannelSummary(
        c.name().value(), c.description(), c.createdAt(), c.isOpenToStandardClients());
  }
}
