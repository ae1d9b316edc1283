/**
 * Channels: path-like names such as {@code patches/linux-x64} under which releases are published
 * and to which agents subscribe.
 */
package org.everseed.domain.model.channel;
