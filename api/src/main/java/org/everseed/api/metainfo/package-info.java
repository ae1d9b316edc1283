/**
 * Torrent metainfo (BEP 3 with BEP 12 announce lists, BEP 19 web seeds and BEP 27 private
 * torrents): reading and validating {@code .torrent} files, the {@link
 * org.everseed.api.metainfo.InfoHash} that names a torrent, and creating torrents.
 *
 * <p>Creation is split so the server's upload path and the command line build identical info
 * dictionaries: {@link org.everseed.api.metainfo.PieceHasher} turns a stream of bytes into piece
 * hashes on all cores, {@link org.everseed.api.metainfo.MetainfoBuilder} turns a file list and
 * those hashes into a {@link org.everseed.api.metainfo.Metainfo}, and {@link
 * org.everseed.api.metainfo.TorrentCreator} drives both from files on disk.
 */
package org.everseed.api.metainfo;
