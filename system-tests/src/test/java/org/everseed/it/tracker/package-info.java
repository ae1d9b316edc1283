/**
 * System tests of the tracker: announces and scrapes over HTTP against the deployed EAR, with the
 * passkeys, agents and releases it admits written as real rows in PostgreSQL, and real BitTorrent
 * clients (aria2, Transmission, qBittorrent) that meet only through it.
 */
package org.everseed.it.tracker;
