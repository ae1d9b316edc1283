package org.everseed.application.tracker;

/**
 * A CDI event that the catalog (publish, retire) and the fleet (enrol, disable, re-key, revoke)
 * fire when what the tracker admits has changed. The tracker re-reads its admissions when the
 * firing transaction commits (at once when there is none), so a revoked passkey is refused from the
 * next announce on.
 *
 * <pre>
 * &#64;Inject Event&lt;TrackerRegistrationsChanged&gt; changed;
 * changed.fire(new TrackerRegistrationsChanged("release 42 retired"));
 * </pre>
 *
 * @param reason what changed, for the log
 */
public record TrackerRegistrationsChanged(String reason) {}
