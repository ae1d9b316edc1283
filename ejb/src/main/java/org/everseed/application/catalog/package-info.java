/**
 * The catalog's application services: finding releases, their torrents (personalised with the
 * caller's passkey), comments, ratings and retirement.
 */
package org.everseed.application.catalog;
