package org.everseed.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.everseed.application.ChannelService;
import org.everseed.application.catalog.CatalogService;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseListing;
import org.everseed.domain.model.release.ReleaseQuery;
import org.everseed.domain.model.release.ReleaseSearchResult;
import org.everseed.domain.model.release.ReleaseStatus;

/**
 * The catalog: a search submitted by GET, so every result page is a link that can be bookmarked and
 * shared. The view parameters are the same as the REST API's search parameters.
 */
@Named
@RequestScoped
public class CatalogPage {
  static final int PAGE_SIZE = 20;

  @Inject CatalogService catalog;
  @Inject ChannelService channels;

  private String q;
  private String channel;
  private String kind;
  private String status;
  private String sort = "created";
  private int page;
  private ReleaseSearchResult result = new ReleaseSearchResult(List.of(), 0);

  /** Runs the search; an invalid parameter becomes a message, not an error page. */
  public void load() {
    try {
      result =
          catalog.search(
              new ReleaseQuery(
                  Optional.ofNullable(q),
                  Optional.ofNullable(channel),
                  present(kind).map(ReleaseKind::parse),
                  present(status)
                      .map(s -> ReleaseStatus.valueOf(s.strip().toUpperCase(Locale.ROOT))),
                  ReleaseQuery.Sort.parse(sort == null || sort.isBlank() ? "created" : sort),
                  Math.max(page, 0),
                  PAGE_SIZE));
    } catch (InvalidReleaseException | IllegalArgumentException e) {
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public List<ReleaseListing> getItems() {
    return result.items();
  }

  public long getTotal() {
    return result.total();
  }

  public long getFirstShown() {
    return result.items().isEmpty() ? 0 : (long) page * PAGE_SIZE + 1;
  }

  public long getLastShown() {
    return (long) page * PAGE_SIZE + result.items().size();
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * PAGE_SIZE < result.total();
  }

  public String getPreviousUrl() {
    return urlFor(page - 1);
  }

  public String getNextUrl() {
    return urlFor(page + 1);
  }

  public List<String> getChannelNames() {
    return channels.listChannels().stream().map(c -> c.name().value()).sorted().toList();
  }

  public List<String> getKinds() {
    return Arrays.stream(ReleaseKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
  }

  /** The orders the catalog offers, by their labels. */
  public Map<String, String> getSorts() {
    Map<String, String> sorts = new LinkedHashMap<>();
    sorts.put("created", "Newest");
    sorts.put("seeders", "Most seeders");
    sorts.put("completed", "Most completed");
    sorts.put("rating", "Best rated");
    sorts.put("name", "Name");
    return sorts;
  }

  private String urlFor(int target) {
    Map<String, String> params = new LinkedHashMap<>();
    present(q).ifPresent(v -> params.put("q", v));
    present(channel).ifPresent(v -> params.put("channel", v));
    present(kind).ifPresent(v -> params.put("kind", v));
    present(status).ifPresent(v -> params.put("status", v));
    present(sort).ifPresent(v -> params.put("sort", v));
    params.put("page", Integer.toString(target));
    return "catalog.xhtml?"
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static Optional<String> present(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
