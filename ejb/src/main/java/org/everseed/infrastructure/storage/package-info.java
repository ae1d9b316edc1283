/**
 * The payload store on the file system ({@link
 * org.everseed.infrastructure.storage.FileSystemPayloadStore}, the implementation of the domain's
 * {@link org.everseed.domain.model.release.PayloadStore}): one folder per info-hash under {@code
 * EVERSEED_PAYLOAD_DIR}.
 */
package org.everseed.infrastructure.storage;
