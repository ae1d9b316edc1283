/**
 * Distribution to the fleet: what each agent is given (the releases of its channels) and what it
 * reports back, the raw material of the distribution reports.
 */
package org.everseed.application.distribution;
