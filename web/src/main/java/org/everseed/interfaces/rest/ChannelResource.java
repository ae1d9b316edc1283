package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

  private static ChannelSummary summary(Channel c) {
    return new ChannelSummary(c.name().value(), c.description(), c.createdAt());
  }
}
