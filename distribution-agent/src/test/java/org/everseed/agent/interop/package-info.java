/**
 * Interop with real BitTorrent programs from Debian (aria2, Transmission, opentracker), each bound
 * to 127.0.0.1, bounded in time and killed by the test that started it.
 */
package org.everseed.agent.interop;
