/**
 * Browser tests of the portal: Debian's headless Chromium, driven through its chromedriver by
 * Selenium, against the deployed EAR and the real Keycloak. Each test saves screenshots of the
 * pages it sees to {@code target/screenshots}; the current ones are committed to {@code
 * docs/screenshots}.
 */
package org.everseed.it.portal;
