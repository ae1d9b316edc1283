package org.everseed.agent.tracker;

import java.io.IOException;

/** A tracker could not be reached or answered nonsense. */
public final class TrackerException extends IOException {

  private static final long serialVersionUID = 1L;

  public TrackerException(String message) {
    super(message);
  }

  public TrackerException(String message, Throwable cause) {
    super(message, cause);
  }
}
