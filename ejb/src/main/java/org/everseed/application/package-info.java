/**
 * Application services: thin, transactional entry points that the REST, portal and tracker adapters
 * call. They find aggregates, call them, store them and emit events; rules live in the domain.
 */
package org.everseed.application;
