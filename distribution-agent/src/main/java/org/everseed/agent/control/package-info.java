/**
 * The control plane: the daemon's settings file, its conversation with the Everseed server
 * (Keycloak client-credentials token, enrolment, release polling, reports, heartbeats), placing
 * finished releases into the target folder, the post-install hook and retention.
 */
package org.everseed.agent.control;
