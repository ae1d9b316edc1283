/**
 * Whole-system tests: the server, Keycloak, PostgreSQL and a fleet of real agent processes
 * together, as a user or an operator would run them ({@code EndToEndIT}), and the checks that keep
 * the production-like {@code docker-compose.yml} consistent with the code ({@code
 * DockerComposeIT}).
 */
package org.everseed.it.system;
