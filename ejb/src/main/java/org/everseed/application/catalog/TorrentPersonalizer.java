package org.everseed.application.catalog;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.magnet.MagnetLink;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;

/**
 * Gives a stored torrent the caller's tracker and web seed URLs: {@code <base>/announce/<passkey>}
 * and {@code <base>/seed/<passkey>/<info-hash>/} (BEP 19: clients append the torrent's name and
 * file paths). Only keys outside the info dictionary change, so the info-hash stays the same. The
 * passkey is in the path, not the query: libtorrent refuses query strings on web seeds and trackers
 * on private networks.
 */
public final class TorrentPersonalizer {
  private TorrentPersonalizer() {}

  public static String announceUrl(String baseUrl, String passkey) {
    return baseUrl + "/announce/" + passkey;
  }

  public static String webSeedUrl(String baseUrl, String passkey, InfoHash infoHash) {
    return baseUrl + "/seed/" + passkey + "/" + infoHash.toHex() + "/";
  }

  /** The torrent's bytes with this caller's URLs; {@code announce-list} is dropped. */
  public static byte[] personalize(byte[] torrent, String baseUrl, String passkey) {
    Metainfo metainfo = Metainfo.parse(torrent);
    BDictionary root =
        metainfo
            .root()
            .without("announce-list")
            .with("announce", BString.of(announceUrl(baseUrl, passkey)))
            .with(
                "url-list",
                BList.of(BString.of(webSeedUrl(baseUrl, passkey, metainfo.infoHash()))));
    return BencodeEncoder.encode(root);
  }

  /** A magnet link with the caller's tracker and web seed, name and exact length. */
  public static String magnet(byte[] torrent, String baseUrl, String passkey) {
    Metainfo metainfo = Metainfo.parse(torrent);
    return new MagnetLink(
            metainfo.infoHash(),
            Optional.of(metainfo.name()),
            List.of(announceUrl(baseUrl, passkey)),
            List.of(webSeedUrl(baseUrl, passkey, metainfo.infoHash())),
            OptionalLong.of(metainfo.totalLength()))
        .toUri();
  }
}
