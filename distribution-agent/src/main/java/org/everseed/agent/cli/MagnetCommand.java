package org.everseed.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everseed.api.magnet.MagnetLink;
import org.everseed.api.metainfo.Metainfo;

/** {@code magnet}: prints the magnet link of a {@code .torrent}. */
final class MagnetCommand implements Command {

  @Override
  public String name() {
    return "magnet";
  }

  @Override
  public String usage() {
    return "<file.torrent>";
  }

  @Override
  public String summary() {
    return "print the magnet link of a torrent";
  }

  @Override
  public String help() {
    return "";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of(), Set.of(), Map.of());
    Metainfo torrent = Metainfo.read(Path.of(arguments.onePositional("torrent file")));
    out.println(MagnetLink.of(torrent).toUri());
    return 0;
  }
}
