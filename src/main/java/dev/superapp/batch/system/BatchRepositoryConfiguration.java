package dev.superapp.batch.system;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Batch job repository on the application database.
 *
 * <p>The migrations in {@code sql/} create the MySQL form of the Batch tables (sequence
 * tables rather than sequences), and H2 runs them in MySQL mode. Batch would otherwise
 * detect H2 and look for real sequences, so the repository is told it always talks MySQL.
 */
@Configuration(proxyBeanMethods = false)
class BatchRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    @Override
    protected String getDatabaseType() {
        return "MYSQL";
    }
}
