package org.everseed.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.everseed.agent.Agent;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.StatusFile;
import org.everseed.agent.control.AgentSettings;
import org.everseed.agent.control.ServerClient;
import org.everseed.agent.control.ServerTrust;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.storage.DiskSpace;
import org.everseed.agent.storage.Placement;
import org.everseed.agent.swarm.MetadataFetcher;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.agent.swarm.SessionStats;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.Version;
import org.everseed.api.magnet.MagnetLink;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.rest.agent.AgentEnrolment;
import org.everseed.api.rest.agent.ReleaseAssignment;
import org.everseed.api.wire.PeerAddress;

/**
 * {@code fetch}: downloads one torrent from its swarm and web seeds into a staging folder, moves it
 * into place atomically, optionally seeds on for a while, and exits. Interrupted runs resume.
 */
final class FetchCommand implements Command {

  /** Where fetch keeps staging data, resume files and its status file, below {@code --dir}. */
  static final String STATE_FOLDER = ".everseed";

  @Override
  public String name() {
    return "fetch";
  }

  @Override
  public String usage() {
    return "[options] <file.torrent|http(s) URL of a .torrent|magnet link|release id>";
  }

  @Override
  public String summary() {
    return "download a torrent from peers and web seeds, with a progress bar";
  }

  @Override
  public String help() {
    return """
            --dir <folder>          where the data goes (default: the current folder)
            --seed-after <duration> keep seeding this long after completion, e.g. 10m (default 0)
            --config <file>         the daemon's settings, to fetch a release by its id from the server
            -q, --quiet             no progress bar
        """
        + TransferOptions.HELP;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Set<String> valued = new HashSet<>(TransferOptions.VALUED);
    valued.addAll(Set.of("dir", "seed-after", "config"));
    Arguments arguments = Arguments.parse(args, valued, Set.of("quiet"), Map.of("q", "quiet"));
    String source = arguments.onePositional("torrent");
    AgentConfig config = TransferOptions.config(arguments);
    Optional<FleetTls> identity = TransferOptions.identity(arguments);
    Metainfo torrent;
    Agent magnetAgent = null;
    if (source.startsWith("magnet:")) {
      MagnetLink magnet = MagnetLink.parse(source);
      magnetAgent = Agent.start(config, identity);
      List<PeerAddress> peers = new ArrayList<>(TransferOptions.peers(arguments));
      peers.addAll(magnetAgent.peersFromTrackers(magnet.infoHash(), magnet.trackers()));
      byte[] info =
          magnetAgent.fetchMetadata(magnet.infoHash(), peers, Duration.ofSeconds(10)).orElse(null);
      if (info == null) {
        magnetAgent.close();
        throw new IOException(
            "no peer sent the torrent's metadata (BEP 9) for " + magnet.infoHash());
      }
      torrent = MetadataFetcher.toMetainfo(info, magnet.trackers(), magnet.webSeeds());
    } else if (source.matches("\\d+")) {
      torrent = releaseTorrent(Long.parseLong(source), arguments);
    } else {
      torrent = load(source);
    }
    Path dir = Path.of(arguments.option("dir").orElse(".")).toAbsolutePath();
    Duration seedAfter =
        arguments.option("seed-after").isPresent()
            ? Durations.parse(arguments.option("seed-after").get())
            : Duration.ZERO;
    boolean quiet = arguments.flag("quiet");

    Path target = dir.resolve(torrent.name());
    if (Files.exists(target)) {
      throw new IOException(target + " already exists; remove it or fetch into another --dir");
    }
    Path state = dir.resolve(STATE_FOLDER);
    Path staging = state.resolve(torrent.infoHash().toHex());
    Path resume = state.resolve(torrent.infoHash().toHex() + ".resume");
    StatusFile status = new StatusFile(state.resolve("status.json"));
    DiskSpace.requireFree(dir, torrent.totalLength());

    try (Agent agent = magnetAgent != null ? magnetAgent : Agent.start(config, identity)) {
      Thread shutdown = new Thread(agent::close, "fetch-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      TorrentSession session =
          agent.download(
              torrent,
              staging,
              resume,
              new SessionListener() {
                @Override
                public void log(TorrentSession session, String message) {
                  if (!quiet) {
                    err.println("\n" + message);
                  }
                }
              },
              TransferOptions.access(identity));
      session.addPeers(TransferOptions.peers(arguments));
      long started = System.nanoTime();
      while (!session.completion().isDone()) {
        SessionStats stats = session.stats();
        status.write(agent.listenPort(), List.of(stats));
        if (!quiet) {
          ProgressLine.print(err, stats);
        }
        Thread.sleep(500);
      }
      try {
        session.completion().get();
      } catch (ExecutionException e) {
        err.println();
        err.println("everseed-agent fetch: stopped before completion");
        return Main.FAILED;
      }
      session.relocate(
          current ->
              Placement.moveAndReopen(torrent, staging.resolve(torrent.name()), target, dir));
      Files.deleteIfExists(resume);
      Files.deleteIfExists(staging);
      SessionStats done = session.stats();
      status.write(agent.listenPort(), List.of(done));
      if (!quiet) {
        ProgressLine.print(err, done);
        err.println();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf(
          Locale.ROOT,
          "%s: %d bytes in %.1f s (%s/s): %d from peers, %d from web seeds%n",
          target,
          torrent.totalLength(),
          seconds,
          Sizes.format((long) (torrent.totalLength() / Math.max(seconds, 1e-3))),
          done.bytesFromPeers(),
          done.bytesFromWebSeed());
      out.flush();
      if (!seedAfter.isZero()) {
        Thread.sleep(seedAfter.toMillis());
      }
      Runtime.getRuntime().removeShutdownHook(shutdown);
    }
    return Main.OK;
  }

  /**
   * The torrent of release {@code releaseId}, asked of the server named in the daemon's settings
   * file ({@code --config}), with this agent's passkey in it.
   */
  private static Metainfo releaseTorrent(long releaseId, Arguments arguments)
      throws IOException, InterruptedException, UsageException {
    String config =
        arguments
            .option("config")
            .orElseThrow(
                () ->
                    new UsageException("fetching a release by id needs --config agent.properties"));
    AgentSettings settings = AgentSettings.load(Path.of(config));
    try {
      ServerTrust.apply(settings);
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("server.trust: " + e.getMessage(), e);
    }
    ServerClient server = new ServerClient(HttpClient.newHttpClient(), settings);
    long agentId =
        server
            .enrol(
                new AgentEnrolment(
                    settings.name(), settings.site(), Version.current(), settings.channels()))
            .agentId();
    for (ReleaseAssignment release : server.releases(agentId)) {
      if (release.releaseId() == releaseId) {
        return Metainfo.parse(server.torrent(release.torrentUrl()));
      }
    }
    throw new IOException(
        "release "
            + releaseId
            + " is not published in this agent's channels "
            + settings.channels());
  }

  /** Reads a {@code .torrent} from a file or an HTTP(S) URL. */
  static Metainfo load(String source) throws IOException, InterruptedException, UsageException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpResponse<byte[]> response =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(source))
                      .timeout(Duration.ofSeconds(60))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(source + " answered HTTP " + response.statusCode());
      }
      return Metainfo.parse(response.body());
    }
    return Metainfo.read(Path.of(source));
  }
}
