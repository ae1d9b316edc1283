/**
 * The tracker's adapters to memory and to PostgreSQL: the in-heap {@link
 * org.everseed.infrastructure.tracker.InMemoryPeerRegistry}, and JDBC implementations of the
 * registration port and the audit log, kept to plain SQL so they read the catalog's and the fleet's
 * tables without depending on their entities.
 */
package org.everseed.infrastructure.tracker;
