/**
 * System tests of the audit trail and the distribution reports: a scripted rollout with exact
 * expected figures, the CSV and PDF exports read back, and the audit table refusing changes.
 */
package org.everseed.it.reports;
