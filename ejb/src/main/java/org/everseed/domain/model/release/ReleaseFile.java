package org.everseed.domain.model.release;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One file of a release: its path inside the release (slash-separated) and its size. */
@Embeddable
public class ReleaseFile {
  @Column(name = "path", nullable = false, length = 4096)
  private String path;

  @Column(name = "length", nullable = false)
  private long length;

  protected ReleaseFile() {}

  public ReleaseFile(String path, long length) {
    this.path = path;
    this.length = length;
  }

  public String path() {
    return path;
  }

  public long length() {
    return length;
  }
}
