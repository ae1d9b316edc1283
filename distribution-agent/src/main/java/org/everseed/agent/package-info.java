/**
 * The Everseed distribution agent: runs on each server, fetches releases from its peers and the
 * server's web seed, and seeds them on. Its command line lives in {@code cli}.
 */
package org.everseed.agent;
