package org.everseed.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.everseed.api.rest.ChannelSummary;
import org.everseed.application.ChannelService;

/** The channels releases are published under. */
@Path("/channels")
@RequestScoped
public class ChannelResource {
  @Inject ChannelService channels;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<ChannelSummary> list() {
    return channels.listChannels().stream()
        .map(c -> new ChannelSummary(c.name().value(), c.description(), c.createdAt()))
        .toList();
  }
}
