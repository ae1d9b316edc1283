/**
 * The audit trail: who did what to which release, agent or channel, and when. Events are only ever
 * appended; the database refuses to change or delete them.
 */
package org.everseed.domain.model.audit;
