package org.everseed.interfaces.portal;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.everseed.application.fleet.AgentService;
import org.everseed.domain.model.fleet.Agent;
import org.everseed.domain.model.fleet.AgentId;

/**
 * The fleet, for administrators: every enrolled agent with its site, version and last contact, and
 * the buttons to shut one out (disable), let it back in (enable) or replace a leaked passkey
 * (re-key). {@link AgentService} enforces the admin role; the page only hides what it would refuse.
 */
@Named
@RequestScoped
public class FleetPage {
  @Inject AgentService agents;

  private List<Agent> listed;

  public List<Agent> getAgents() {
    if (listed == null) {
      listed =
          agents.listAgents().stream()
              .sorted(Comparator.comparing(Agent::site).thenComparing(Agent::name))
              .toList();
    }
    return listed;
  }

  public long getActiveCount() {
    return getAgents().stream().filter(Agent::isActive).count();
  }

  public String disable(long id) {
    return act(id, agents::disable, "disabled: its passkey no longer opens the tracker");
  }

  public String enable(long id) {
    return act(id, agents::enable, "enabled: it receives a new passkey when it next enrols");
  }

  public String rekey(long id) {
    return act(id, agents::rekey, "re-keyed: the old passkey stopped working");
  }

  private String act(long id, Function<AgentId, Agent> change, String outcome) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Agent agent = change.apply(new AgentId(id));
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO, "Agent " + agent.name() + " " + outcome + ".", null));
      return "fleet?faces-redirect=true";
    } catch (RuntimeException e) {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, cause.getMessage(), null));
      return null;
    }
  }
}
