package org.everseed.api.metainfo;

/**
 * A {@code .torrent} that is not valid bencode or breaks a metainfo rule; the message says which.
 */
public class InvalidMetainfoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidMetainfoException(String message) {
    super(message);
  }

  public InvalidMetainfoException(String message, Throwable cause) {
    super(message, cause);
  }
}
