package org.everseed.agent.swarm;

/** A request-sized part of a piece: {@code length} bytes at {@code begin} within the piece. */
public record Block(int piece, int begin, int length) {}
