/**
 * Black-box system tests: the real EAR in the provisioned WildFly on a real PostgreSQL, spoken to
 * over HTTP like any client would. One system is started per test run and shared by every test
 * class ({@link org.everseed.it.SystemExtension}).
 */
package org.everseed.it;
