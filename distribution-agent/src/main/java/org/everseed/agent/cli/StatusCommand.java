package org.everseed.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code status}: prints what a running agent or fetch reports in its status file. */
final class StatusCommand implements Command {

  private static final Pattern TORRENT =
      Pattern.compile("\\{\"name\":(\"(?:[^\"\\\\]|\\\\.)*\")([^}]*)\\}");
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[0-9.]+)");

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
    Matcher updated = Pattern.compile("\"updated\":\"([^\"]*)\"").matcher(json);
    out.println("updated " + (updated.find() ? updated.group(1) : "?"));
    Matcher torrent = TORRENT.matcher(json);
    while (torrent.find()) {
      Matcher field = FIELD.matcher(torrent.group(2));
      Map<String, String> values = new java.util.HashMap<>();
      while (field.find()) {
        values.put(field.group(1), field.group(2).replace("\"", ""));
      }
      long verified = Long.parseLong(values.getOrDefault("bytesVerified", "0"));
      long total = Math.max(1, Long.parseLong(values.getOrDefault("totalBytes", "1")));
      out.printf(
          java.util.Locale.ROOT,
          "%s  %s  %.1f%%  down %s/s  up %s/s  peers %s  from peers %s  from web seed %s%n",
          torrent.group(1).replace("\"", ""),
          values.get("state"),
          100.0 * verified / total,
          Sizes.format((long) Double.parseDouble(values.getOrDefault("downloadRate", "0"))),
          Sizes.format((long) Double.parseDouble(values.getOrDefault("uploadRate", "0"))),
          values.get("peers"),
          Sizes.format(Long.parseLong(values.getOrDefault("bytesFromPeers", "0"))),
          Sizes.format(Long.parseLong(values.getOrDefault("bytesFromWebSeed", "0"))));
    }
    return Main.OK;
  }
}
