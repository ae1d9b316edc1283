/** The payload store: the directory where published payloads live, one folder per info-hash. */
package org.everseed.infrastructure.storage;
