package org.everseed.api.wire;

/** Bytes from a peer that are not a valid message: the connection should be dropped. */
public final class PeerWireException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PeerWireException(String message) {
    super(message);
  }

  public PeerWireException(String message, Throwable cause) {
    super(message, cause);
  }
}
