package org.everseed.api.metainfo;

/** Told how far hashing has come; called from hashing threads, so it must be thread-safe. */
@FunctionalInterface
public interface HashProgress {

  void hashed(long bytesHashed, long totalBytes);
}
