/**
 * Distribution reports for auditors and administrators: per release ({@link
 * org.everseed.application.reporting.ReleaseRollout}: targeted agents, completions, time to
 * 50/90/100 %, per site, peer-versus-web-seed {@link org.everseed.application.reporting.Traffic})
 * and per agent ({@link org.everseed.application.reporting.AgentHoldings}: what it holds, what
 * failed). {@link org.everseed.application.reporting.ReleaseReportCalculator} holds the arithmetic
 * and is tested on its own; the web module maps these records to the REST documents.
 */
package org.everseed.application.reporting;
