package org.everseed.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everseed.application.ChannelService;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.channel.PublisherRole;
import org.everseed.interfaces.http.ProblemDetails;

/**
 * Channel permissions, for administrators: every channel with the Keycloak realm roles that may
 * publish into it (none: open to every publisher), a form to grant a role and a button per grant to
 * revoke it. {@link ChannelService} enforces the admin role and writes the audit trail; the page
 * only hides what it would refuse.
 */
@Named
@RequestScoped
public class ChannelsPage {
  @Inject ChannelService channels;

  private List<Channel> listed;
  private String channel = "";
  private String role = "";

  public List<Channel> getChannels() {
    if (listed == null) {
      listed = channels.listChannels();
    }
    return listed;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel == null ? "" : channel.trim();
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role == null ? "" : role.trim();
  }

  public String grant() {
    return act(
        () -> channels.grantPublishing(new ChannelName(channel), new PublisherRole(role)),
        "Role " + role + " may publish into " + channel + ".",
        "Role " + role + " could already publish into " + channel + ".");
  }

  public String revoke(String channelName, String roleName) {
    return act(
        () -> channels.revokePublishing(new ChannelName(channelName), new PublisherRole(roleName)),
        "Role " + roleName + " may no longer publish into " + channelName + ".",
        "Role " + roleName + " had no grant on " + channelName + ".");
  }

  private String act(java.util.function.BooleanSupplier change, String done, String unchanged) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      boolean changed = change.getAsBoolean();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, changed ? done : unchanged, null));
      return "channels?faces-redirect=true";
    } catch (RuntimeException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, ProblemDetails.unwrap(e).getMessage(), null));
      return null;
    }
  }
}
