package org.everseed.infrastructure.persistence.migration;

import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Migrates the database with Flyway while Hibernate builds the session factory, before its schema
 * validation runs. Registered through {@code META-INF/services}.
 */
public class FlywayMigrationIntegrator implements Integrator {
  /** The server-configured datasource (see {@code system/src/main/wildfly/configure.cli}). */
  public static final String DATASOURCE = "java:jboss/datasources/EverseedDS";

  private static final Logger LOG = Logger.getLogger(FlywayMigrationIntegrator.class.getName());

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
    MigrateResult result = migrate(lookupDataSource());
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // Nothing to release: Flyway holds no resources after migrate().
  }

  /** Applies every pending migration from {@code db/migration} on the class path. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(FlywayMigrationIntegrator.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  private static DataSource lookupDataSource() {
    try {
      return (DataSource) new InitialContext().lookup(DATASOURCE);
    } catch (NamingException e) {
      throw new IllegalStateException("datasource " + DATASOURCE + " is not configured", e);
    }
  }
}
