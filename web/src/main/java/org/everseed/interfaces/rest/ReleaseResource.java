package org.everseed.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.everseed.api.rest.CommentView;
import org.everseed.api.rest.NewComment;
import org.everseed.api.rest.RatingRequest;
import org.everseed.api.rest.ReleaseDetails;
import org.everseed.api.rest.ReleasePage;
import org.everseed.api.rest.ReleaseSummary;
import org.everseed.api.rest.RetireRequest;
import org.everseed.application.catalog.CatalogService;
import org.everseed.application.fleet.Roles;
import org.everseed.application.webseed.PayloadCheck;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.domain.model.release.ReleaseSearchResult;
import org.everseed.domain.model.release.ReleaseStatus;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.PublicUrl;
import org.everseed.interfaces.publishing.PublishFormReader;

/** The release catalog: publish, search, fetch, discuss, rate and retire releases. */
@Path("/releases")
@RequestScoped
public class ReleaseResource {

  @Inject CatalogService catalog;
  @Inject PublishFormReader publishForm;
  @Inject ServerSettings server;
  @Inject PayloadCheck payloads;
  @Context HttpServletRequest request;
  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  @Operation(
      summary = "Publish a release",
      description =
          "multipart/form-data: optional fields name, version, channel, kind, description, tags"
              + " (comma-separated), pieceLength, folder (root folder of a multi-file release),"
              + " an optional 'torrent' file part to publish an existing torrent, then one or more"
              + " file parts (a file name may hold a relative path, e.g. bin/app.jar). Fields that"
              + " steer hashing (pieceLength, torrent) must come before the files. Files are"
              + " written to the payload store and hashed in the same pass.")
  public Response publish() throws IOException {
    String baseUrl = PublicUrl.of(server, request);
    Release release =
        publishForm.publish(
            request.getInputStream(),
            request.getContentType(),
            request.getContentLengthLong(),
            Caller.name(security),
            baseUrl);
    ReleaseDetails details = details(release, baseUrl);
    return Response.created(URI.create(baseUrl + "/api/v1/releases/" + release.id()))
        .entity(details)
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN, Roles.AGENT})
  @Operation(summary = "Search the catalog")
  public ReleasePage search(
      @Parameter(description = "words to find in name, version, tags and description")
          @QueryParam("q")
          String q,
      @Parameter(description = "a channel, sub-channels included") @QueryParam("channel")
          String channel,
      @QueryParam("kind") String kind,
      @Parameter(description = "active or retired") @QueryParam("status") String status,
      @Parameter(description = "created (default), seeders, completed, rating or name")
          @QueryParam("sort")
          @DefaultValue("created")
          String sort,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    ReleaseQuery query =
        new ReleaseQuery(
            Optional.ofNullable(q),
            Optional.ofNullable(channel),
            Optional.ofNullable(kind).filter(k -> !k.isBlank()).map(ReleaseKind::parse),
            Optional.ofNullable(status).filter(s -> !s.isBlank()).map(ReleaseResource::status),
            ReleaseQuery.Sort.parse(sort),
            page,
            size);
    ReleaseSearchResult result = catalog.search(query);
    List<ReleaseSummary> items = result.items().stream().map(ReleaseViews::summary).toList();
    return new ReleasePage(items, page, size, result.total());
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN, Roles.AGENT})
  @Operation(summary = "One release with its files and download links")
  public ReleaseDetails get(@PathParam("id") long id) {
    return details(catalog.release(id(id)), PublicUrl.of(server, request));
  }

  @GET
  @Path("/{id}/torrent")
  @Produces("application/x-bittorrent")
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  @Operation(summary = "The .torrent, with the caller's passkey in its tracker and web seed URLs")
  public Response torrent(@PathParam("id") long id) {
    ReleaseId releaseId = id(id);
    Release release = catalog.release(releaseId);
    byte[] torrent =
        catalog.torrentFor(releaseId, Caller.name(security), PublicUrl.of(server, request));
    String fileName = (release.name() + "-" + release.version()).replaceAll("[^A-Za-z0-9._-]", "_");
    return Response.ok(torrent)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + ".torrent\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @GET
  @Path("/{id}/magnet")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  @Operation(summary = "The magnet link, with the caller's passkey")
  public Response magnet(@PathParam("id") long id) {
    String magnet = catalog.magnetFor(id(id), Caller.name(security), PublicUrl.of(server, request));
    return Response.ok(magnet).header("Cache-Control", "private, no-store").build();
  }

  @GET
  @Path("/{id}/comments")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  public List<CommentView> comments(@PathParam("id") long id) {
    return catalog.comments(id(id)).stream().map(ReleaseViews::comment).toList();
  }

  @POST
  @Path("/{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  public Response comment(@PathParam("id") long id, NewComment comment) {
    if (comment == null) {
      throw new InvalidReleaseException("body", "a comment needs a body");
    }
    CommentView view =
        ReleaseViews.comment(catalog.comment(id(id), Caller.name(security), comment.body()));
    return Response.status(201).entity(view).build();
  }

  @PUT
  @Path("/{id}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.AUDITOR, Roles.ADMIN})
  @Operation(summary = "Rate a release 1–5 stars; rating again replaces your rating")
  public ReleaseSummary rate(@PathParam("id") long id, RatingRequest rating) {
    if (rating == null || rating.stars() == null) {
      throw new InvalidReleaseException("stars", "a rating needs stars, 1 to 5");
    }
    return ReleaseViews.summary(catalog.rate(id(id), Caller.name(security), rating.stars()));
  }

  @POST
  @Path("/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  @Operation(summary = "Stop tracking and web-seeding a release (its publisher or an admin)")
  public ReleaseDetails retire(@PathParam("id") long id, RetireRequest retire) {
    ReleaseId releaseId = id(id);
    Release release =
        catalog.retire(
            releaseId,
            Caller.name(security),
            Caller.isAdmin(security),
            retire == null ? "" : retire.reason());
    return details(release, PublicUrl.of(server, request));
  }

  @POST
  @Path("/{id}/payload/verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Hash every piece of the release's payload in the store (admins)",
      description =
          "Reads the whole payload: minutes for large releases. The periodic check compares only"
              + " presence and sizes; this finds changed bytes too. The result is also what"
              + " health and GET /releases/{id} show from now on.")
  public ReleaseDetails.PayloadStatus verifyPayload(@PathParam("id") long id) {
    return payloads
        .verify(catalog.release(id(id)))
        .map(ReleaseViews::payload)
        .orElse(ReleaseDetails.PayloadStatus.INTACT);
  }

  private ReleaseDetails details(Release release, String baseUrl) {
    return ReleaseViews.details(
        release, catalog.listing(release.id()), baseUrl, payloads.problem(release.infoHash()));
  }

  private static ReleaseId id(long id) {
    if (id <= 0) {
      throw new BadRequestException("a release id is a positive number");
    }
    return new ReleaseId(id);
  }

  private static ReleaseStatus status(String text) {
    try {
      return ReleaseStatus.valueOf(text.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidReleaseException(
          "status", "status is active or retired, not '" + text + "'");
    }
  }
}
