package org.everseed.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.everseed.agent.control.Json;
import org.everseed.agent.swarm.SessionStats;

/**
 * What a running agent is doing, as a small JSON file rewritten atomically every second: {@code
 * everseed-agent status} reads it, and so can monitoring.
 *
 * <pre>
 * {"updated":"2026-11-22T00:00:00Z","pid":123,"listenPort":6881,"torrents":[{"name":...,
 *   "infoHash":...,"state":"DOWNLOADING","piecesHave":3,"pieceCount":10,"bytesVerified":...,
 *   "totalBytes":...,"bytesFromPeers":...,"bytesFromWebSeed":...,"bytesUploaded":...,
 *   "downloadRate":...,"uploadRate":...,"peers":2,"bannedPeers":0,"hashFailures":0}]}
 * </pre>
 */
public final class StatusFile {

  private final Path path;

  public StatusFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  public void write(int listenPort, List<SessionStats> torrents) throws IOException {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"updated\":\"").append(Instant.now()).append('"');
    json.append(",\"pid\":").append(ProcessHandle.current().pid());
    json.append(",\"listenPort\":").append(listenPort);
    json.append(",\"torrents\":[");
    for (int i = 0; i < torrents.size(); i++) {
      SessionStats s = torrents.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"name\":").append(Json.quote(s.name()));
      json.append(",\"infoHash\":\"").append(s.infoHash()).append('"');
      json.append(",\"state\":\"").append(s.state()).append('"');
      json.append(",\"piecesHave\":").append(s.piecesHave());
      json.append(",\"pieceCount\":").append(s.pieceCount());
      json.append(",\"bytesVerified\":").append(s.bytesVerified());
      json.append(",\"totalBytes\":").append(s.totalBytes());
      json.append(",\"bytesFromPeers\":").append(s.bytesFromPeers());
      json.append(",\"bytesFromWebSeed\":").append(s.bytesFromWebSeed());
      json.append(",\"bytesUploaded\":").append(s.bytesUploaded());
      json.append(",\"downloadRate\":")
          .append(String.format(Locale.ROOT, "%.0f", s.downloadRate()));
      json.append(",\"uploadRate\":").append(String.format(Locale.ROOT, "%.0f", s.uploadRate()));
      json.append(",\"peers\":").append(s.peers());
      json.append(",\"bannedPeers\":").append(s.bannedPeers());
      json.append(",\"hashFailures\":").append(s.hashFailures());
      json.append('}');
    }
    json.append("]}\n");
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(temporary, json, StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
