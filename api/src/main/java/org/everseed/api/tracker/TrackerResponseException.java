package org.everseed.api.tracker;

/** A tracker's answer that a client cannot use: not bencode, too large, or malformed. */
public final class TrackerResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TrackerResponseException(String message) {
    super(message);
  }

  public TrackerResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
