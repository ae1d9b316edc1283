package org.everseed.agent.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;

/** {@code create}: makes a {@code .torrent} from a file or folder, showing hashing progress. */
final class CreateCommand implements Command {

  @Override
  public String name() {
    return "create";
  }

  @Override
  public String usage() {
    return "[options] <file|folder>";
  }

  @Override
  public String summary() {
    return "make a .torrent from a file or folder (hashed on every core)";
  }

  @Override
  public String help() {
    return """
          -o, --output <file>        where to write the torrent (default: <name>.torrent)
          -a, --announce <url>       tracker URL; repeat for backup tiers (BEP 12)
          -w, --web-seed <url>       web seed URL (BEP 19); repeatable
          -l, --piece-length <size>  e.g. 256K, 1M (default: automatic, about 1000-2000 pieces)
          -n, --name <name>          torrent name (default: the file or folder name)
          -c, --comment <text>       comment
              --created-by <text>    "created by" text (default: Everseed and its version)
              --date <seconds>       creation date as Unix seconds (default: now)
              --no-date              leave the creation date out (reproducible output)
              --public               do not set the private flag (default: private, BEP 27)
          -t, --threads <n>          hashing threads (default: one per processor)
          -q, --quiet                no progress line
              --force                overwrite the output file
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments =
        Arguments.parse(
            args,
            Set.of(
                "output",
                "announce",
                "web-seed",
                "piece-length",
                "name",
                "comment",
                "created-by",
                "date",
                "threads"),
            Set.of("no-date", "public", "quiet", "force"),
            Map.of(
                "o",
                "output",
                "a",
                "announce",
                "w",
                "web-seed",
                "l",
                "piece-length",
                "n",
                "name",
                "c",
                "comment",
                "t",
                "threads",
                "q",
                "quiet"));
    Path source = Path.of(arguments.onePositional("file or folder"));
    TorrentCreator creator = TorrentCreator.of(source);
    arguments.option("name").ifPresent(creator::name);
    arguments.options("announce").forEach(creator::announce);
    arguments.options("web-seed").forEach(creator::webSeed);
    arguments.option("comment").ifPresent(creator::comment);
    arguments.option("created-by").ifPresent(creator::createdBy);
    creator.privateTorrent(!arguments.flag("public"));
    if (arguments.option("piece-length").isPresent()) {
      long pieceLength = Sizes.parse(arguments.option("piece-length").get());
      if (pieceLength > Integer.MAX_VALUE) {
        throw new UsageException("piece length too large: " + pieceLength);
      }
      creator.pieceLength((int) pieceLength);
    }
    if (arguments.option("threads").isPresent()) {
      creator.threads(positiveInt(arguments.option("threads").get(), "--threads"));
    }
    if (arguments.flag("no-date")) {
      creator.creationDate(null);
    } else if (arguments.option("date").isPresent()) {
      creator.creationDate(
          Instant.ofEpochSecond(parseLong(arguments.option("date").get(), "--date")));
    }
    String name =
        arguments
            .option("name")
            .orElse(source.toAbsolutePath().normalize().getFileName().toString());
    Path output = Path.of(arguments.option("output").orElse(name + ".torrent"));
    if (Files.exists(output) && !arguments.flag("force")) {
      err.println("everseed-agent create: " + output + " exists; use --force to overwrite it");
      return 1;
    }
    ProgressLine progress = new ProgressLine(err, !arguments.flag("quiet"));
    creator.progress(progress::update);
    Metainfo torrent = creator.create();
    progress.finish(torrent.totalLength());
    Path temporary = output.resolveSibling(output.getFileName() + ".part");
    Files.write(temporary, torrent.encoded());
    Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    out.println(torrent.infoHash().toHex() + "  " + output);
    return 0;
  }

  private static int positiveInt(String text, String option) throws UsageException {
    long value = parseLong(text, option);
    if (value < 1 || value > 4096) {
      throw new UsageException(option + " must be between 1 and 4096, got " + text);
    }
    return (int) value;
  }

  private static long parseLong(String text, String option) throws UsageException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a whole number, got '" + text + "'");
    }
  }

  /**
   * Prints "hashing 42.0% 1.20 GiB of 2.86 GiB 1850 MB/s" on one stderr line, rewritten in place at
   * most five times a second; callbacks come from hashing threads.
   */
  static final class ProgressLine {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastPrint;

    ProgressLine(PrintStream err, boolean enabled) {
      this.err = err;
      this.enabled = enabled;
    }

    synchronized void update(long done, long total) {
      long now = System.nanoTime();
      if (!enabled || now - lastPrint < INTERVAL_NANOS) {
        return;
      }
      lastPrint = now;
      err.print("\r" + line(done, total, now) + "   ");
      err.flush();
    }

    synchronized void finish(long total) {
      if (enabled) {
        err.println("\r" + line(total, total, System.nanoTime()) + "   ");
      }
    }

    private String line(long done, long total, long now) {
      double seconds = Math.max(1e-9, (now - start) / 1e9);
      double percent = total == 0 ? 100 : 100.0 * done / total;
      return String.format(
          Locale.ROOT,
          "hashing %5.1f%%  %s of %s  %.0f MB/s",
          percent,
          Sizes.format(done),
          Sizes.format(total),
          done / seconds / 1e6);
    }
  }
}
