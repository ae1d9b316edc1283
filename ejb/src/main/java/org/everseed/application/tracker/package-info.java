/**
 * The tracker's application layer: the transport-neutral core ({@link
 * org.everseed.application.tracker.Tracker}: announce, scrape), the cached admissions it checks
 * without touching the database ({@link org.everseed.application.tracker.TrackerAccess}, refreshed
 * on {@link org.everseed.application.tracker.TrackerRegistrationsChanged} and periodically), the
 * batched audit writer and the statistics other components read ({@link
 * org.everseed.application.tracker.TrackerStatistics}). Its settings are {@link
 * org.everseed.domain.settings.TrackerConfiguration}.
 */
package org.everseed.application.tracker;
