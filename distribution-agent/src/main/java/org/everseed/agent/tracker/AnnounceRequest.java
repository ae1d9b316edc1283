package org.everseed.agent.tracker;

import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;

/** What an announce tells the tracker about this peer's progress in one torrent. */
public record AnnounceRequest(
    InfoHash infoHash,
    byte[] peerId,
    int port,
    long uploaded,
    long downloaded,
    long left,
    AnnounceEvent event,
    int numWant) {

  /**
   * The announce URL: {@code trackerUrl} exactly as the torrent gives it (a private tracker's
   * passkey is part of it), with the BEP 3 parameters appended.
   */
  public String toUrl(String trackerUrl) {
    StringBuilder url = new StringBuilder(trackerUrl);
    url.append(trackerUrl.indexOf('?') >= 0 ? '&' : '?');
    url.append("info_hash=").append(infoHash.toUrlEncoded());
    url.append("&peer_id=").append(PercentEncoding.encode(peerId));
    url.append("&port=").append(port);
    url.append("&uploaded=").append(uploaded);
    url.append("&downloaded=").append(downloaded);
    url.append("&left=").append(left);
    url.append("&compact=1&no_peer_id=1");
    url.append("&numwant=").append(numWant);
    if (event != AnnounceEvent.NONE) {
      url.append("&event=").append(event.parameter());
    }
    return url.toString();
  }
}
