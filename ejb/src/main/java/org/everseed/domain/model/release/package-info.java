/**
 * The release catalog: a {@link org.everseed.domain.model.release.Release} is one published payload
 * (its files, its torrent, who published it, whether it is still distributed), with the comments
 * and ratings people give it.
 */
package org.everseed.domain.model.release;
