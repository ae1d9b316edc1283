/**
 * Formats shared by the server and the distribution agent. Nothing here depends on a container or
 * on any library beyond the JDK, so both sides can use it.
 */
package org.everseed.api;
