package org.everseed.api.tracker;

/**
 * A request the tracker refuses. The message is what the client shows its user, sent back as the
 * bencoded {@code failure reason}; it names the offending parameter and never echoes raw bytes.
 */
public final class TrackerRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrackerRequestException(String failureReason) {
    // No stack trace: refusals are ordinary answers on the hot path, not errors.
    super(failureReason, null, false, false);
  }

  public String failureReason() {
    return getMessage();
  }
}
