/**
 * Application services of the fleet: agent enrolment and administration ({@link
 * org.everseed.application.fleet.AgentService}), passkeys for portal users, the realm role names
 * they are guarded by, and the {@link org.everseed.application.fleet.FleetChanged} event the
 * tracker's passkey cache follows.
 */
package org.everseed.application.fleet;
