/**
 * The server's settings as plain, validated records: what the application services are given, not
 * where it comes from. {@code infrastructure.settings} reads them from environment variables and
 * system properties (docs/operations.md and docs/tracker.md list every one) and produces them for
 * injection; unit tests construct them directly.
 */
package org.everseed.domain.settings;
