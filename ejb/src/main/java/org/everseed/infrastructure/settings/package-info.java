/**
 * Reads the server's settings from environment variables and system properties and produces them,
 * with the clock, for injection ({@link org.everseed.infrastructure.settings.ServerEnvironment}).
 */
package org.everseed.infrastructure.settings;
