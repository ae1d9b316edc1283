package org.everseed.interfaces.portal;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.everseed.application.catalog.CatalogService;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.webseed.PayloadCheck;
import org.everseed.application.webseed.PayloadProblem;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseComment;
import org.everseed.domain.model.release.ReleaseFile;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.settings.ServerSettings;
import org.everseed.interfaces.http.PublicUrl;

/**
 * One release: what it is, how to fetch it, its swarm, its discussion. View-scoped so that a
 * postback knows its release before the view parameter is applied (otherwise the forms, rendered
 * only for a found release, would not be decoded). Every action redirects back to the page
 * (post/redirect/get) with a flash message, so reloading never posts twice.
 */
@Named
@ViewScoped
public class ReleasePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CatalogService catalog;
  @Inject ServerSettings server;
  @Inject HttpServletRequest request;
  @Inject PortalUser user;
  @Inject PayloadCheck payloads;

  private long id;
  private String commentText;
  private String retireReason;
  // Read once per view; an action redirects to a new view, which reads them afresh.
  private transient Release release;
  private transient ReleaseListing listing;
  private transient List<ReleaseFile> files = List.of();
  private transient boolean missing;

  /** Loads the release once per request; an unknown id shows a message instead of a stack. */
  public void load() {
    if (release != null || missing || id <= 0) {
      return;
    }
    try {
      ReleaseId releaseId = new ReleaseId(id);
      release = catalog.release(releaseId);
      listing = catalog.listing(releaseId);
      files = release.files();
    } catch (ReleaseNotFoundException e) {
      missing = true;
    }
  }

  public boolean isFound() {
    load();
    return release != null;
  }

  /** What the payload check found wrong with this release's payload, or null. */
  public PayloadProblem getPayloadProblem() {
    return isFound() ? payloads.problem(release.infoHash()).orElse(null) : null;
  }

  public Release getRelease() {
    load();
    return release;
  }

  public ReleaseListing getListing() {
    load();
    return listing;
  }

  public List<ReleaseFile> getFiles() {
    load();
    return files;
  }

  public List<ReleaseComment> getComments() {
    return isFound() ? catalog.comments(release.id()) : List.of();
  }

  /** The magnet link with this user's passkey, so it works as it is pasted into a client. */
  public String getMagnet() {
    return catalog.magnetFor(release.id(), user.getName(), PublicUrl.of(server, request));
  }

  public String getTorrentUrl() {
    return request.getContextPath() + "/portal/releases/" + id + "/torrent";
  }

  public String getSwarmUrl() {
    return request.getContextPath() + "/portal/releases/" + id + "/swarm";
  }

  public boolean isMayRetire() {
    return isFound()
        && release.isActive()
        && release.mayBeRetiredBy(user.getName(), user.isAdmin());
  }

  public String comment() {
    return act(
        () -> {
          catalog.comment(release.id(), user.getName(), commentText == null ? "" : commentText);
          return "Comment posted.";
        });
  }

  public String rate(int stars) {
    return act(
        () -> {
          catalog.rate(release.id(), user.getName(), stars);
          return "Rated " + stars + (stars == 1 ? " star." : " stars.");
        });
  }

  public String retire() {
    return act(
        () -> {
          catalog.retire(
              release.id(),
              user.getName(),
              user.isAdmin(),
              retireReason == null ? "" : retireReason);
          return "Release retired: the tracker and the web seed no longer serve it.";
        });
  }

  /** Runs an action; its outcome or the rule it broke is shown on the page it redirects to. */
  private String act(Action action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getExternalContext().getFlash().setKeepMessages(true);
    if (!isFound()) {
      return null;
    }
    try {
      String done = action.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
      return "release?faces-redirect=true&id=" + id;
    } catch (RuntimeException e) {
      Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
      faces.getExternalContext().getFlash().setKeepMessages(false);
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, cause.getMessage(), null));
      return null;
    }
  }

  /** A catalog change that says what it did. */
  @FunctionalInterface
  private interface Action {
    String run();
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getCommentText() {
    return commentText;
  }

  public void setCommentText(String commentText) {
    this.commentText = commentText;
  }

  public String getRetireReason() {
    return retireReason;
  }

  public void setRetireReason(String retireReason) {
    this.retireReason = retireReason;
  }
}
