/**
 * The publish request as the REST API and the portal both receive it: a streamed {@code
 * multipart/form-data} body ({@link org.everseed.interfaces.publishing.MultipartReader}) whose
 * fields and files {@link org.everseed.interfaces.publishing.PublishFormReader} turns into one
 * publication, in one pass over the bytes.
 */
package org.everseed.interfaces.publishing;
