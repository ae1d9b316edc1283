/** Application services of the fleet: passkeys now; agent enrolment joins with security. */
package org.everseed.application.fleet;
