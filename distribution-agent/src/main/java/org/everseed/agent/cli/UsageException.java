package org.everseed.agent.cli;

/** Wrong command-line arguments; the message tells the user what to change. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
