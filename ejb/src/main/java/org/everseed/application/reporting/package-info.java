/**
 * Distribution reports for auditors and administrators: per release (targeted agents, completions,
 * time to 50/90/100 %, per site, peer-versus-web-seed bytes) and per agent (what it holds, what
 * failed). {@link org.everseed.application.reporting.ReleaseReportCalculator} holds the arithmetic
 * and is tested on its own.
 */
package org.everseed.application.reporting;
