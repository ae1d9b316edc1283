package org.everseed.application.catalog;

/** The caller is authenticated but this action on this object is not theirs to take. */
public class NotAllowedException extends RuntimeException {
  public NotAllowedException(String message) {
    super(message);
  }
}
