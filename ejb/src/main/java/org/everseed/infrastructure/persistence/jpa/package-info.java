/** JPA implementations of the domain repositories, on the {@code everseed} persistence unit. */
package org.everseed.infrastructure.persistence.jpa;
