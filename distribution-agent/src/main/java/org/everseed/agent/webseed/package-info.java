/**
 * The BEP 19 web seed client: fetches whole pieces over HTTP Range requests from the server's
 * permanent seed, mapping a piece onto the one or more files it spans.
 */
package org.everseed.agent.webseed;
