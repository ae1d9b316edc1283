/**
 * System tests of security against the real Keycloak started by the harness and the real
 * PostgreSQL: authentication (no token, tampered and expired tokens, the portal's login flow), role
 * enforcement, the CI client-credentials example of {@code docs/security.md}, and agent enrolment
 * and administration.
 */
package org.everseed.it.security;
