/**
 * Schema migrations. Flyway runs inside Hibernate's bootstrap (an {@code Integrator}), so the
 * schema is current before Hibernate validates it against the entities ({@code
 * hibernate.hbm2ddl.auto=validate}); a {@code @Startup} bean would run too late for that.
 */
package org.everseed.infrastructure.persistence.migration;
