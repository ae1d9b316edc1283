/** Agents' reports of how a release reached them: state, byte sources, duration, hook status. */
package org.everseed.domain.model.distribution;
