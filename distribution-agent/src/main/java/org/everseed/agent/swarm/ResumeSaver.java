package org.everseed.agent.swarm;

import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.agent.storage.ResumeFile;
import org.everseed.api.metainfo.Metainfo;

/**
 * Keeps a download's resume file (the verified pieces) current: written when pieces were added and
 * the save interval passed, and on demand (start, completion, stop). Data is flushed first, so the
 * file never names a piece that is not on disk; saves run one at a time, each with the newest piece
 * set, so an older set never overwrites a newer one. Thread-safe.
 */
final class ResumeSaver {

  private final Object sessionLock;
  private final PiecePicker picker;
  private final ResumeFile file;
  private final Metainfo torrent;
  private final long intervalNanos;
  private final Supplier<PieceStorage> storage;
  private final Consumer<String> log;
  private boolean dirty; // guarded by sessionLock
  private long lastSave = System.nanoTime(); // guarded by sessionLock

  /**
   * @param sessionLock the session's lock, which guards the picker
   * @param file the resume file; null for a session without one (seeding existing data)
   */
  ResumeSaver(
      Object sessionLock,
      PiecePicker picker,
      ResumeFile file,
      Metainfo torrent,
      Duration interval,
      Supplier<PieceStorage> storage,
      Consumer<String> log) {
    this.sessionLock = sessionLock;
    this.picker = picker;
    this.file = file;
    this.torrent = torrent;
    this.intervalNanos = interval.toNanos();
    this.storage = storage;
    this.log = log;
  }

  /** The pieces the resume file claims (to be checked on disk); none without a file. */
  BitSet claimed() {
    return file == null
        ? new BitSet()
        : file.read(torrent.infoHash(), torrent.pieceCount()).orElse(new BitSet());
  }

  /** A piece was verified; call with the session's lock held. */
  void pieceAdded() {
    dirty = true;
  }

  /** Saves if pieces were added and the interval passed. */
  void saveIfDue(long now) {
    boolean due;
    synchronized (sessionLock) {
      due = file != null && dirty && now - lastSave > intervalNanos;
    }
    if (due) {
      save();
    }
  }

  /** Saves now (nothing without a resume file). */
  synchronized void save() {
    if (file == null) {
      return;
    }
    BitSet have;
    synchronized (sessionLock) {
      have = picker.haveSet();
      dirty = false;
      lastSave = System.nanoTime();
    }
    try {
      storage.get().flush();
      file.write(torrent.infoHash(), torrent.pieceCount(), have);
    } catch (IOException e) {
      log.accept("saving the resume file failed: " + e);
    }
  }
}
