package org.everseed.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Mounts the REST API at {@code /api/v1}; the OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Everseed API",
            version = "1",
            description =
                "Publish releases, browse the catalog and follow their distribution"
                    + " through the private swarm."))
public class RestApplication extends Application {}
