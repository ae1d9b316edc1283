/**
 * JSON documents of agent enrolment and fleet administration ({@code /api/v1/agents}): what an
 * agent sends when it enrols, heartbeats and reports on a release, what it is told to fetch, and
 * what administrators see of the fleet.
 */
package org.everseed.api.rest.agent;
