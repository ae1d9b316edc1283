/**
 * HTTP plumbing shared by the REST API and the portal: the server's public URL as clients should
 * use it ({@link org.everseed.interfaces.http.PublicUrl}) and the one mapping from exceptions to
 * problem details ({@link org.everseed.interfaces.http.ProblemDetails}).
 */
package org.everseed.interfaces.http;
