package org.everseed.api.magnet;

/** A magnet link that cannot be parsed; the message says what is wrong. */
public class InvalidMagnetLinkException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidMagnetLinkException(String message) {
    super(message);
  }

  public InvalidMagnetLinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
