/**
 * HTTP plumbing shared by the REST API and the portal: the server's public URL as clients should
 * use it.
 */
package org.everseed.interfaces.http;
