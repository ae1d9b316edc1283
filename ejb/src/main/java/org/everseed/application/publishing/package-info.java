/**
 * Publishing: uploads are written to the payload store and hashed into pieces in the same pass,
 * then registered as releases. Uploading runs outside any transaction (it can take minutes); only
 * the registration at the end is transactional.
 */
package org.everseed.application.publishing;
