/**
 * The peer wire protocol (BEP 3) with the fast extension (BEP 6), the extension protocol (BEP 10)
 * and peer exchange (BEP 11): one immutable record per message and pure codecs from and to bytes.
 * Nothing here owns a socket or a thread; the agent's engine frames bytes off the network and hands
 * them to these decoders.
 */
package org.everseed.api.wire;
