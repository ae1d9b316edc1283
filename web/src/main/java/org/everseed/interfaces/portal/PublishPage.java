package org.everseed.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.everseed.application.ChannelService;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.settings.PublishingSettings;

/**
 * What the publish page needs from the server: the channels to suggest, the default channel and the
 * upload limit. The upload itself is streamed by the page's script to {@link PortalUploadServlet},
 * which shows progress the way a Faces postback cannot.
 */
@Named
@RequestScoped
public class PublishPage {
  @Inject ChannelService channels;
  @Inject PublishingSettings settings;
  @Inject HttpServletRequest request;

  public List<String> getChannelNames() {
    return channels.listChannels().stream().map(c -> c.name().value()).sorted().toList();
  }

  public String getDefaultChannel() {
    return settings.defaultChannel();
  }

  public long getMaxUploadBytes() {
    return settings.maxUploadBytes();
  }

  public List<String> getKinds() {
    return Arrays.stream(ReleaseKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
  }

  public String getUploadUrl() {
    return request.getContextPath() + PortalUploadServlet.PATH;
  }
}
