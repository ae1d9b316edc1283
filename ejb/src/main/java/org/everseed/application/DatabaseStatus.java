package org.everseed.application;

/**
 * The outcome of one database probe.
 *
 * @param up whether a query through the persistence unit succeeded
 * @param schemaVersion the latest applied Flyway migration, or {@code null} when down
 * @param detail a one-line reason when down, empty otherwise
 */
public record DatabaseStatus(boolean up, String schemaVersion, String detail) {}
