package org.everseed.domain.model.fleet;

import java.util.List;
import java.util.Optional;

/** Where agents are kept. */
public interface AgentRepository {
  Optional<Agent> find(AgentId id);

  Optional<Agent> findByName(String name);

  List<Agent> findAll();

  /** Stores a new or changed agent; a new one has its id afterwards. */
  void store(Agent agent);
}
