package org.everseed.agent.tracker;

/** The {@code event} parameter of an announce; {@link #NONE} is a regular update. */
public enum AnnounceEvent {
  STARTED("started"),
  COMPLETED("completed"),
  STOPPED("stopped"),
  NONE("");

  private final String parameter;

  AnnounceEvent(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
