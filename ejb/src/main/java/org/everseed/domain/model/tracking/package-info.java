/**
 * Tracking: who may use the tracker ({@link org.everseed.domain.model.tracking.TrackerAccount},
 * opened by a {@link org.everseed.domain.model.tracking.Passkey}), which torrents it tracks ({@link
 * org.everseed.domain.model.tracking.TrackerRegistrations}, the narrow port the catalog and the
 * fleet implement), the swarms themselves ({@link org.everseed.domain.model.tracking.PeerRegistry},
 * in memory) and the audit trail of announces ({@link
 * org.everseed.domain.model.tracking.TrackingEventLog}).
 */
package org.everseed.domain.model.tracking;
