package org.everseed.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.everseed.agent.control.Json;

/** {@code status}: prints what a running agent or fetch reports in its status file. */
final class StatusCommand implements Command {

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String usage() {
    return "[--dir <fetch folder> | --status-file <file>] [--json]";
  }

  @Override
  public String summary() {
    return "show what a running agent is doing (from its status file)";
  }

  @Override
  public String help() {
    return """
            --dir <folder>          the --dir of a running fetch (reads <folder>/.everseed/status.json)
            --status-file <file>    the status file of a daemon or seed (status.json in its state folder)
            --json                  print the raw JSON
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments =
        Arguments.parse(args, Set.of("dir", "status-file"), Set.of("json"), Map.of());
    Path file =
        arguments
            .option("status-file")
            .map(Path::of)
            .orElse(
                Path.of(arguments.option("dir").orElse("."))
                    .resolve(FetchCommand.STATE_FOLDER)
                    .resolve("status.json"));
    if (!Files.exists(file)) {
      throw new IOException("no status file at " + file + ": is an agent running there?");
    }
    String json = Files.readString(file);
    if (arguments.flag("json")) {
      out.print(json);
      return Main.OK;
    }
    Map<?, ?> root;
    try {
      root = (Map<?, ?>) Json.parse(json);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IOException(file + " is not a status file: " + e.getMessage());
    }
    out.println("updated " + root.get("updated") + ", listening on port " + root.get("listenPort"));
    Object torrents = root.get("torrents");
    for (Object item : torrents instanceof List<?> list ? list : List.of()) {
      Map<?, ?> torrent = (Map<?, ?>) item;
      long verified = number(torrent, "bytesVerified");
      long total = Math.max(1, number(torrent, "totalBytes"));
      out.printf(
          Locale.ROOT,
          "%s  %s  %.1f%%  down %s/s  up %s/s  peers %d  from peers %s  from web seed %s%n",
          torrent.get("name"),
          torrent.get("state"),
          100.0 * verified / total,
          Sizes.format(number(torrent, "downloadRate")),
          Sizes.format(number(torrent, "uploadRate")),
          number(torrent, "peers"),
          Sizes.format(number(torrent, "bytesFromPeers")),
          Sizes.format(number(torrent, "bytesFromWebSeed")));
    }
    return Main.OK;
  }

  private static long number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number number ? number.longValue() : 0;
  }
}
