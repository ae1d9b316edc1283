package org.everseed.api.rest;

/**
 * {@code GET /api/v1/version}.
 *
 * @param product always {@code Everseed}
 * @param version the product version of the deployed build
 * @param schemaVersion the database schema version applied by Flyway
 * @param server the application server's name and version
 * @param java the Java runtime version
 */
public record VersionInfo(
    String product, String version, String schemaVersion, String server, String java) {}
