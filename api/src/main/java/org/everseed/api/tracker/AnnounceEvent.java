package org.everseed.api.tracker;

/** The {@code event} of an announce (BEP 3); {@link #NONE} for the periodic announces. */
public enum AnnounceEvent {
  NONE,
  STARTED,
  COMPLETED,
  STOPPED;

  /** The {@code event} value a client sends; empty for {@link #NONE}, which sends none. */
  public String parameter() {
    return switch (this) {
      case NONE -> "";
      case STARTED -> "started";
      case COMPLETED -> "completed";
      case STOPPED -> "stopped";
    };
  }

  static AnnounceEvent parse(byte[] value) {
    if (value == null || value.length == 0) {
      return NONE;
    }
    String text = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
    return switch (text) {
      case "started" -> STARTED;
      case "completed" -> COMPLETED;
      case "stopped" -> STOPPED;
        // BEP 3 lists only three; some clients send "paused" (BEP 21) or "empty" for none
      case "empty", "paused" -> NONE;
      default -> throw new TrackerRequestException("unknown event '" + printable(text) + "'");
    };
  }

  static String printable(String text) {
    return text.length() > 20 ? text.substring(0, 20) + "..." : text;
  }
}
