/**
 * The server as the permanent seed (BEP 19): who may fetch which payload, and where its files lie.
 */
package org.everseed.application.webseed;
