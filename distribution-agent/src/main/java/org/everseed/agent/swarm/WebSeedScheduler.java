package org.everseed.agent.swarm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.everseed.agent.AgentConfig;
import org.everseed.api.metainfo.Metainfo;

/**
 * Fetches pieces from the torrent's web seeds (BEP 19) while it downloads, one piece at a time per
 * web seed connection, after {@code webSeedDelay}: only pieces the {@link WebSeedPolicy} does not
 * leave to peers and no other agent claimed, reserved with the {@link PiecePicker} (which also
 * holds back scarce pieces other peers might fetch too) and announced to other agents ({@code
 * everseed_ws}) before the fetch. A fetch stops as soon as a peer delivers the piece. So the web
 * seed sends each piece about once to the whole swarm, while peers trade the rest. Each loop runs
 * on an io thread and takes the session's lock only to choose its piece.
 */
final class WebSeedScheduler {

  private static final long IDLE_MILLIS = 200;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  private final Object sessionLock;
  private final SwarmContext context;
  private final Metainfo torrent;
  private final PiecePicker picker;
  private final List<Peer> peers;
  private final WebSeedClaims claims;
  private final Extensions extensions;
  private final PieceVerifier verifier;
  private final Transfers transfers;
  private final BooleanSupplier downloading;
  private final Consumer<String> log;

  /**
   * @param sessionLock the session's lock, which guards the picker, peers and claims
   * @param peers the session's connected peers (its live list)
   */
  WebSeedScheduler(
      Object sessionLock,
      SwarmContext context,
      Metainfo torrent,
      PiecePicker picker,
      List<Peer> peers,
      WebSeedClaims claims,
      Extensions extensions,
      PieceVerifier verifier,
      Transfers transfers,
      BooleanSupplier downloading,
      Consumer<String> log) {
    this.sessionLock = sessionLock;
    this.context = context;
    this.torrent = torrent;
    this.picker = picker;
    this.peers = peers;
    this.claims = claims;
    this.extensions = extensions;
    this.verifier = verifier;
    this.transfers = transfers;
    this.downloading = downloading;
    this.log = log;
  }

  /** Starts {@code webSeedConnections} loops over the torrent's web seeds, if it has any. */
  void start() {
    List<String> urls = torrent.webSeeds();
    if (urls.isEmpty() || context.webSeeds() == null) {
      return;
    }
    AgentConfig config = context.config();
    for (int i = 0; i < config.webSeedConnections(); i++) {
      String url = urls.get(i % urls.size());
      Tasks.executeLater(
          context.scheduler(), context.io(), () -> loop(url), config.webSeedDelay().toMillis());
    }
  }

  private void loop(String url) {
    Thread.currentThread().setName("webseed " + torrent.name());
    long backoffMillis = 1000;
    while (downloading.getAsBoolean()) {
      int piece = choosePiece();
      try {
        if (piece < 0) {
          Thread.sleep(IDLE_MILLIS);
          continue;
        }
        Optional<byte[]> data =
            context
                .webSeeds()
                .fetchPiece(
                    url,
                    torrent,
                    piece,
                    context.downloadBucket(),
                    () -> stillWanted(piece),
                    transfers::receivedFromWebSeed);
        if (data.isPresent()) {
          verifier.verifyAndStore(piece, data.get(), List.of(), true);
        } else {
          release(piece);
        }
        backoffMillis = 1000;
      } catch (IOException e) {
        release(piece);
        log.accept("web seed " + url + " failed: " + e.getMessage());
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Reserves the next piece to fetch and claims it with other agents; -1 if there is none. */
  private int choosePiece() {
    synchronized (sessionLock) {
      List<BitSet> holdings = new ArrayList<>();
      int competing = 0;
      for (Peer peer : peers) {
        if (!peer.isSnubbed()) {
          holdings.add(peer.pieces());
        }
        if (!peer.isSeed()) {
          competing++;
        }
      }
      BitSet covered = WebSeedPolicy.leftToPeers(holdings, context.config().webSeedMinHolders());
      claims.addActive(covered, System.nanoTime());
      int piece = picker.reserveForWebSeed(covered, competing);
      if (piece >= 0) {
        extensions.claimForWebSeed(piece);
      }
      return piece;
    }
  }

  private boolean stillWanted(int piece) {
    synchronized (sessionLock) {
      return downloading.getAsBoolean() && !picker.has(piece);
    }
  }

  private void release(int piece) {
    synchronized (sessionLock) {
      picker.releaseWebSeedReservation(piece);
    }
  }
}
