/**
 * The publisher portal (Jakarta Faces): thin backing beans for the catalog, release, publish and
 * fleet pages, and the few servlets the pages' scripts call with the signed-in session (upload with
 * progress, live swarm figures, the personal .torrent, logout). The REST API under {@code /api}
 * accepts bearer tokens only, so the portal has its own same-origin endpoints under {@code
 * /portal}; state-changing ones check the session's CSRF token. No business rules here.
 */
package org.everseed.interfaces.portal;
