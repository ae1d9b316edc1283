/**
 * Bencoding (BEP 3): the byte format of {@code .torrent} files, tracker answers and extension
 * messages.
 *
 * <p>{@link org.everseed.api.bencode.BencodeDecoder} accepts only canonical input, so decoding and
 * re-encoding gives back the same bytes: that is what keeps info-hashes stable. {@link
 * org.everseed.api.bencode.BencodeWriter} writes single values straight into buffers for hot paths
 * such as tracker answers, without building a value tree.
 */
package org.everseed.api.bencode;
