package org.everseed.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.everseed.api.Version;
import org.everseed.api.rest.VersionInfo;
import org.everseed.application.DatabaseProbe;

/** What is running: product, schema, server and Java versions. */
@Path("/version")
@RequestScoped
@PermitAll
public class VersionResource {
  @Inject DatabaseProbe database;
  @Context ServletContext servletContext;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public VersionInfo version() {
    return new VersionInfo(
        "Everseed",
        Version.current(),
        database.probe().schemaVersion(),
        servletContext.getServerInfo(),
        Runtime.version().toString());
  }
}
