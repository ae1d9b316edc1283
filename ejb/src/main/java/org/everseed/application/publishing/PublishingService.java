package org.everseed.application.publishing;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.InvalidMetainfoException;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.everseed.api.metainfo.PieceLength;
import org.everseed.application.audit.AuditTrail;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.fleet.Roles;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.channel.Channel;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.channel.ChannelRepository;
import org.everseed.domain.model.channel.PublisherRole;
import org.everseed.domain.model.channel.PublishingRights;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.PayloadStore;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.release.ReleaseDescription;
import org.everseed.domain.model.release.ReleaseFile;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseNaming;
import org.everseed.domain.model.release.ReleasePayload;
import org.everseed.domain.model.release.ReleaseRepository;
import org.everseed.domain.settings.PublishingSettings;

/**
 * Publishes releases in one pass: {@link #beginUpload} checks size and disk space up front and
 * returns an {@link Upload} that streams and hashes; {@link #publish} turns the finished upload
 * into a torrent and a release.
 */
@Stateless
public class PublishingService {
  /** What the torrent's {@code created by} says. */
  public static final String CREATED_BY = "Everseed";

  private static final Logger LOG = Logger.getLogger(PublishingService.class.getName());

  @Inject PublishingSettings settings;
  @Inject PayloadStore store;
  @Inject Clock clock;
  @Inject ReleaseRepository releases;
  @Inject ChannelRepository channels;
  @Inject Event<CatalogChanged> catalogChanged;
  @Inject AuditTrail audit;

  @Resource ManagedExecutorService executor;
  @Resource EJBContext context;

  /**
   * Starts an upload after checking that it can fit.
   *
   * @param declaredBytes the request's size (its Content-Length), -1 when unknown; also the basis
   *     of the automatic piece length when none is given
   * @param pieceLength an explicit piece length, a power of two of at least 16 KiB
   * @param torrent an existing torrent the upload's files must match
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  public Upload beginUpload(
      long declaredBytes, Optional<Integer> pieceLength, Optional<byte[]> torrent) {
    long max = settings.maxUploadBytes();
    if (declaredBytes > max) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.TOO_LARGE,
          "file",
          "the upload is " + declaredBytes + " bytes; the limit is " + max + " bytes");
    }
    long free = store.usableSpace();
    long needed = Math.max(declaredBytes, 0) + settings.reservedFreeBytes();
    if (free < needed) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.NO_SPACE,
          "file",
          "not enough free space in the payload store: "
              + free
              + " bytes free, "
              + needed
              + " needed (upload plus the reserve of "
              + settings.reservedFreeBytes()
              + ")");
    }
    Optional<Metainfo> imported = torrent.map(PublishingService::parseTorrent);
    int length =
        imported
            .map(Metainfo::pieceLength)
            .or(() -> pieceLength.map(PublishingService::checkedPieceLength))
            .orElseGet(() -> PieceLength.automatic(Math.max(declaredBytes, 1)));
    int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
    return new Upload(
        store.newStaging(), length, imported, max, executor, parallelism, store::delete);
  }

  /**
   * Registers a finished upload as a release, or fails without a trace: on any exception the staged
   * files are deleted.
   *
   * @param baseUrl the server's public URL, for the torrent's tracker and web seed
   * @throws DuplicateReleaseException when the content, or the channel, name and version, exists
   */
  @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
  public Release publish(
      StagedUpload staged, PublishRequest request, String publisher, String baseUrl) {
    Path staging = staged.staging();
    boolean committed = false;
    try {
      // A multi-file release is named after its folder (name-version), a single file after itself.
      ReleaseNaming.Guess guess =
          new ReleaseNaming(clock)
              .guess(
                  staged.layout().singleFile() ? staged.firstFileName() : staged.layout().name());
      ReleaseDescription description =
          new ReleaseDescription(
              request.name().orElse(guess.name()),
              request.version().orElse(guess.version()),
              request
                  .kind()
                  .map(ReleaseKind::parse)
                  .orElseGet(() -> ReleaseKind.guessFromFileName(staged.firstFileName())),
              request.description().orElse(""),
              request.tags());
      Channel channel = channel(request.channel().orElse(settings.defaultChannel()), publisher);
      byte[] torrent =
          staged.imported().map(Metainfo::encoded).orElseGet(() -> buildTorrent(staged, baseUrl));
      Metainfo metainfo = Metainfo.parse(torrent);
      InfoHash hash = metainfo.infoHash();
      releases
          .findByInfoHash(hash)
          .ifPresent(
              existing -> {
                throw new DuplicateReleaseException(
                    existing.id(),
                    "this content is already published as release "
                        + existing.id()
                        + " ("
                        + existing.name()
                        + " "
                        + existing.version()
                        + ")");
              });
      releases
          .findInChannel(channel.id(), description.name(), description.version())
          .ifPresent(
              existing -> {
                throw new DuplicateReleaseException(
                    existing.id(),
                    channel.name()
                        + " already has "
                        + description.name()
                        + " "
                        + description.version()
                        + " (release "
                        + existing.id()
                        + "); publish a new version");
              });
      List<ReleaseFile> files =
          metainfo.files().stream()
              .map(f -> new ReleaseFile(f.relativePath(), f.length()))
              .toList();
      Release release =
          new Release(
              channel,
              description,
              new ReleasePayload(
                  hash,
                  metainfo.pieceLength(),
                  metainfo.totalLength(),
                  torrent,
                  hash.toHex(),
                  files),
              publisher,
              Instant.now(clock));
      // Stored (and flushed) first, so a constraint violation leaves no orphan payload behind.
      releases.store(release);
      audit.record(
          publisher,
          AuditAction.RELEASE_PUBLISHED,
          AuditTrail.release(release.id()),
          "name",
          release.name(),
          "version",
          release.version(),
          "channel",
          channel.name().value(),
          "infoHash",
          hash.toHex(),
          "totalSize",
          String.valueOf(release.totalSize()));
      store.commit(staging, hash);
      committed = true;
      catalogChanged.fire(new CatalogChanged(hash, true));
      LOG.info(
          () ->
              "Published release "
                  + release.id()
                  + " "
                  + release.name()
                  + " "
                  + release.version()
                  + " in "
                  + channel.name()
                  + " ("
                  + release.totalSize()
                  + " bytes, "
                  + hash
                  + ", one pass: "
                  + staged.hashedWhileWriting()
                  + ") by "
                  + publisher);
      return release;
    } finally {
      if (!committed) {
        store.delete(staging);
      }
    }
  }

  /** Throws away a finished upload that will not be published. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void discard(StagedUpload staged) {
    store.delete(staged.staging());
  }

  private Channel channel(String name, String publisher) {
    ChannelName channelName;
    try {
      channelName = new ChannelName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidReleaseException("channel", e.getMessage());
    }
    requireMayPublish(channelName, publisher);
    return channels
        .find(channelName)
        .orElseGet(
            () -> {
              Channel created = new Channel(channelName, "", Instant.now(clock));
              channels.store(created);
              audit.record(
                  publisher,
                  AuditAction.CHANNEL_CREATED,
                  AuditTrail.channel(channelName.value()),
                  "by",
                  "publishing");
              return created;
            });
  }

  /**
   * Refuses, with an audit row, a caller who holds none of the roles the channel (or its nearest
   * restricted ancestor) is granted to. Admins may publish anywhere. Runs before anything is
   * written, so the refusal's commit carries the audit row alone.
   */
  private void requireMayPublish(ChannelName channel, String publisher) {
    PublishingRights rights = PublishingRights.of(channel, channels.findAll(channel.lineage()));
    if (context.isCallerInRole(Roles.ADMIN) || rights.allow(context::isCallerInRole)) {
      return;
    }
    String governing = rights.governing().orElseThrow().name().value();
    String roles = rights.roles().stream().map(PublisherRole::value).toList().toString();
    audit.record(
        publisher,
        AuditAction.PUBLISH_DENIED,
        AuditTrail.channel(channel.value()),
        "restrictedBy",
        governing,
        "roles",
        roles);
    throw new PublishDeniedException(
        "you may not publish into channel "
            + channel
            + ": "
            + (governing.equals(channel.value()) ? "it" : "channel " + governing)
            + " is restricted to publishers with one of the roles "
            + roles);
  }

  private byte[] buildTorrent(StagedUpload staged, String baseUrl) {
    // The stored torrent names the server without a passkey; downloads get the caller's URLs
    // (TorrentPersonalizer), which leaves the info-hash unchanged.
    return new MetainfoBuilder(staged.layout(), staged.pieceLength(), staged.pieces())
        .announce(baseUrl + "/announce")
        .webSeed(baseUrl + "/seed/")
        .privateTorrent(true)
        .createdBy(CREATED_BY)
        .creationDate(Instant.now(clock))
        .build()
        .encoded();
  }

  private static Metainfo parseTorrent(byte[] bytes) {
    try {
      return Metainfo.parse(bytes);
    } catch (InvalidMetainfoException | org.everseed.api.bencode.BencodeException e) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID,
          "torrent",
          "the torrent is not valid: " + e.getMessage(),
          e);
    }
  }

  private static int checkedPieceLength(int length) {
    try {
      PieceLength.check(length);
      return length;
    } catch (InvalidMetainfoException e) {
      throw new UploadRejectedException(
          UploadRejectedException.Reason.INVALID, "pieceLength", e.getMessage(), e);
    }
  }
}
