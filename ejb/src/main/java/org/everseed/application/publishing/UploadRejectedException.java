package org.everseed.application.publishing;

/**
 * An upload cannot be accepted as sent. {@link #reason()} tells the REST adapter which status to
 * answer; the message says what to change.
 */
public class UploadRejectedException extends RuntimeException {
  /** Why, in the terms HTTP answers in. */
  public enum Reason {
    /** Malformed or inconsistent input (400). */
    INVALID,
    /** Larger than the configured limit (413). */
    TOO_LARGE,
    /** Not enough free space on the payload volume (507). */
    NO_SPACE
  }

  private final Reason reason;
  private final String field;

  public UploadRejectedException(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public UploadRejectedException(Reason reason, String field, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** The form field at fault, or {@code null}. */
  public String field() {
    return field;
  }
}
