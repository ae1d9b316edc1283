/**
 * The REST API under {@code /api/v1}: JSON in and out, converting between {@code
 * org.everseed.api.rest} records and application services. No business rules here.
 */
package org.everseed.interfaces.rest;
