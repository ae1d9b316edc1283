package org.everseed.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.Agent;
import org.everseed.agent.StatusFile;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.metainfo.Metainfo;

/** {@code seed}: checks existing data against a torrent and seeds it until stopped. */
final class SeedCommand implements Command {

  @Override
  public String name() {
    return "seed";
  }

  @Override
  public String usage() {
    return "[options] <file.torrent> <data path>";
  }

  @Override
  public String summary() {
    return "seed a torrent's data (the file or folder itself, or the folder holding it)";
  }

  @Override
  public String help() {
    return """
            --status-file <file>    where to write the status JSON (default: none)
        """
        + TransferOptions.HELP;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Set<String> valued = new HashSet<>(TransferOptions.VALUED);
    valued.add("status-file");
    Arguments arguments = Arguments.parse(args, valued, Set.of(), Map.of());
    List<String> positionals = arguments.positionals();
    if (positionals.size() != 2) {
      throw new UsageException("expected a torrent and a data path");
    }
    Metainfo torrent = FetchCommand.load(positionals.get(0));
    Path data = Path.of(positionals.get(1)).toAbsolutePath();
    // Accept the content itself (named like the torrent) or the folder that holds it.
    Path dataFolder =
        data.getFileName() != null && data.getFileName().toString().equals(torrent.name())
            ? data.getParent()
            : data;
    StatusFile status =
        arguments.option("status-file").map(Path::of).map(StatusFile::new).orElse(null);
    CountDownLatch stopped = new CountDownLatch(1);
    Optional<FleetTls> identity = TransferOptions.identity(arguments);
    try (Agent agent = Agent.start(TransferOptions.config(arguments), identity)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    agent.close();
                    stopped.countDown();
                  }));
      TorrentSession session =
          agent.seed(
              torrent,
              dataFolder,
              new SessionListener() {
                @Override
                public void log(TorrentSession session, String message) {
                  err.println(message);
                }
              },
              TransferOptions.access(identity));
      session.addPeers(TransferOptions.peers(arguments));
      out.println(
          "seeding "
              + torrent.name()
              + " ("
              + torrent.infoHash()
              + ") on port "
              + agent.listenPort());
      out.flush();
      while (!stopped.await(1, TimeUnit.SECONDS)) {
        if (status != null) {
          status.write(agent.listenPort(), List.of(session.stats()));
        }
      }
    }
    return Main.OK;
  }
}
