/**
 * How the web module is secured: which OIDC client configuration a request is checked against
 * (bearer tokens for the REST API, the login flow for the portal) and the security headers every
 * response carries. Which roles may do what is declared where it is enforced, with
 * {@code @RolesAllowed} on the REST resources and the application services.
 */
package org.everseed.interfaces.security;
