package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.everseed.api.rest.agent.AgentEnrolled;
import org.everseed.api.rest.agent.AgentEnrolment;
import org.everseed.api.rest.agent.AgentHeartbeat;
import org.everseed.api.rest.agent.AgentSummary;
import org.everseed.api.rest.agent.DistributionReport;
import org.everseed.api.rest.agent.ReleaseAssignment;
import org.everseed.application.distribution.DistributionService;
import org.everseed.application.fleet.AgentService;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.distribution.DistributionRecord;
import org.everseed.domain.model.distribution.Progress;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.fleet.AgentRegistration;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.PublicUrl;

/**
 * Agent enrolment (role {@code agent}, by client credentials) and fleet administration (role {@code
 * admin}).
 */
@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
  @Inject AgentService fleet;
  @Inject DistributionService distribution;
  @Inject ServerSettings server;
  @Context HttpServletRequest request;

  /** The active releases of the agent's channels (sub-channels included), newest first. */
  @GET
  @Path("/{id}/releases")
  @RolesAllowed(Roles.AGENT)
  public List<ReleaseAssignment> releases(@PathParam("id") long id) {
    String base = PublicUrl.of(server, request);
    return distribution.assignments(new AgentId(id)).stream()
        .map(
            r ->
                new ReleaseAssignment(
                    r.id().value(),
                    r.name(),
                    r.version(),
                    r.channel().name().value(),
                    r.infoHash().toHex(),
                    base + "/api/v1/agents/" + id + "/releases/" + r.id() + "/torrent",
                    r.channel().isOpenToStandardClients()))
        .toList();
  }

  /** A release's torrent with the agent's own passkey in its tracker and web seed URLs. */
  @GET
  @Path("/{id}/releases/{releaseId}/torrent")
  @Produces("application/x-bittorrent")
  @RolesAllowed(Roles.AGENT)
  public Response torrent(@PathParam("id") long id, @PathParam("releaseId") long releaseId) {
    byte[] torrent =
        distribution.torrentFor(
            new AgentId(id), new ReleaseId(releaseId), PublicUrl.of(server, request));
    return Response.ok(torrent).header("Cache-Control", "private, no-store").build();
  }

  /** Records a distribution report: started, progress, completed or failed, with byte sources. */
  @POST
  @Path("/{id}/reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AGENT)
  public Response report(@PathParam("id") long id, DistributionReport report) {
    if (report == null) {
      throw new IllegalArgumentException("a report needs releaseId and state");
    }
    if (report.state() == null) {
      throw new InvalidReleaseException("state", "state is STARTED, PROGRESS, COMPLETED or FAILED");
    }
    distribution.report(
        new AgentId(id),
        new ReleaseId(report.releaseId()),
        new Progress(
            DistributionRecord.State.valueOf(report.state().name()),
            report.bytesFromPeers(),
            report.bytesFromWebSeed(),
            Duration.ofMillis(report.durationMillis()),
            Optional.ofNullable(report.hookExitCode()),
            report.message()));
    return Response.noContent().build();
  }

  /** Enrols (or re-enrols) the agent and answers its id and tracker passkey. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AGENT)
  public AgentEnrolled enrol(AgentEnrolment enrolment) {
    if (enrolment == null) {
      throw new IllegalArgumentException("an enrolment needs name, site, version and channels");
    }
    AgentService.Enrolment enrolled =
        fleet.enrol(
            new AgentRegistration(
                enrolment.name(),
                enrolment.site(),
                enrolment.version(),
                enrolment.channels().stream().map(ChannelName::new).toList()));
    return new AgentEnrolled(enrolled.agentId().value(), enrolled.passkey().value());
  }

  @POST
  @Path("/{id}/heartbeat")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AGENT)
  public Response heartbeat(@PathParam("id") long id, AgentHeartbeat heartbeat) {
    fleet.heartbeat(new AgentId(id), heartbeat == null ? null : heartbeat.version());
    return Response.noContent().build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  public List<AgentSummary> list() {
    return fleet.listAgents().stream().map(AgentResource::summary).toList();
  }

  /** The agent's passkey is revoked at once: its next announce and web seed request fail. */
  @POST
  @Path("/{id}/disable")
  @RolesAllowed(Roles.ADMIN)
  public AgentSummary disable(@PathParam("id") long id) {
    return summary(fleet.disable(new AgentId(id)));
  }

  @POST
  @Path("/{id}/enable")
  @RolesAllowed(Roles.ADMIN)
  public AgentSummary enable(@PathParam("id") long id) {
    return summary(fleet.enable(new AgentId(id)));
  }

  /** Revokes the agent's passkey and issues a new one, which only the agent receives (enrol). */
  @POST
  @Path("/{id}/rekey")
  @RolesAllowed(Roles.ADMIN)
  public AgentSummary rekey(@PathParam("id") long id) {
    return summary(fleet.rekey(new AgentId(id)));
  }

  private static AgentSummary summary(Agent agent) {
    return new AgentSummary(
        agent.id().value(),
        agent.name(),
        agent.site(),
        agent.version(),
        agent.channels().stream().map(ChannelName::value).toList(),
        agent.status().name(),
        agent.enrolledBy(),
        agent.enrolledAt(),
        agent.lastSeenAt());
  }
}
