package org.everseed.agent.swarm;

/** What a session tells its owner; called from the session's threads, never under its lock. */
public interface SessionListener {

  /** Every piece is verified and on disk. */
  default void completed(TorrentSession session) {}

  /** The session logs something an operator may want to read. */
  default void log(TorrentSession session, String message) {}

  SessionListener NONE = new SessionListener() {};
}
