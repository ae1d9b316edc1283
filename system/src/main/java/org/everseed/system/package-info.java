/**
 * The system harness: starts the real components (PostgreSQL, WildFly with the EAR, and later
 * Keycloak and agents) on loopback, each as a process it owns and stops by PID. The launcher
 * ({@link org.everseed.system.Launcher}, behind {@code ./everseed start}) and the system tests
 * ({@code org.everseed.it}) use the same code, so what the tests prove is what users run.
 */
package org.everseed.system;
