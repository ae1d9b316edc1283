package org.everseed.domain.model.release;

/** A publisher's input breaks a rule; names the field so the API can point at it. */
public class InvalidReleaseException extends RuntimeException {
  private final String field;

  public InvalidReleaseException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
