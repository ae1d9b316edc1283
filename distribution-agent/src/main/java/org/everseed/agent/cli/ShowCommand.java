package org.everseed.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentFile;

/** {@code show}: prints what a {@code .torrent} holds. */
final class ShowCommand implements Command {

  @Override
  public String name() {
    return "show";
  }

  @Override
  public String usage() {
    return "<file.torrent>";
  }

  @Override
  public String summary() {
    return "print a torrent's name, info-hash, pieces, files, trackers and web seeds";
  }

  @Override
  public String help() {
    return "";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of(), Set.of(), Map.of());
    Metainfo torrent = Metainfo.read(Path.of(arguments.onePositional("torrent file")));
    out.println("Name:         " + torrent.name());
    out.println("Info-hash:    " + torrent.infoHash().toHex());
    out.println(
        "Pieces:       "
            + torrent.pieceCount()
            + " x "
            + Sizes.format(torrent.pieceLength())
            + " ("
            + torrent.pieceLength()
            + " bytes)");
    out.println(
        "Total size:   "
            + Sizes.format(torrent.totalLength())
            + " ("
            + torrent.totalLength()
            + " bytes)");
    out.println("Private:      " + (torrent.isPrivate() ? "yes" : "no"));
    torrent.createdBy().ifPresent(text -> out.println("Created by:   " + text));
    torrent.creationDate().ifPresent(date -> out.println("Created on:   " + date));
    torrent.comment().ifPresent(text -> out.println("Comment:      " + text));
    section(out, "Trackers", torrent.trackers());
    section(out, "Web seeds", torrent.webSeeds());
    out.println("Files (" + torrent.files().size() + "):");
    for (TorrentFile file : torrent.files()) {
      String path =
          torrent.isSingleFile() ? file.relativePath() : torrent.name() + "/" + file.relativePath();
      out.println("  " + path + "  (" + file.length() + " bytes)");
    }
    return 0;
  }

  private static void section(PrintStream out, String title, List<String> lines) {
    out.println(title + " (" + lines.size() + "):");
    lines.forEach(line -> out.println("  " + line));
  }
}
