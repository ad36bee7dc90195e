package dev.superapp.batch.system;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives every database connection limits, so that a database that hangs (a network that drops packets, a
 * server frozen) fails the step that waits on it, with the driver's reason, instead of hanging it forever.
 * On MySQL/MariaDB URLs: {@code connectTimeout} ({@code database.connect-timeout}) and {@code socketTimeout}
 * ({@code database.socket-timeout}, longer than any query of ours); on H2: {@code LOCK_TIMEOUT}
 * ({@code database.lock-timeout}). A value already in the URL wins. Hikari's own
 * {@code spring.datasource.hikari.connection-timeout} bounds the wait for a pooled connection.
 */
@Component
class DatabaseTimeouts implements BeanPostProcessor {

    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration lockTimeout;

    DatabaseTimeouts(@Value("${database.connect-timeout:10s}") Duration connectTimeout,
                     @Value("${database.socket-timeout:10m}") Duration socketTimeout,
                     @Value("${database.lock-timeout:10s}") Duration lockTimeout) {
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
            apply(dataSource);
        }
        return bean;
    }

    void apply(HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        String upper = url.toUpperCase(Locale.ROOT);
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            if (!upper.contains("CONNECTTIMEOUT=")) {
                dataSource.addDataSourceProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
            }
            if (!upper.contains("SOCKETTIMEOUT=")) {
                dataSource.addDataSourceProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
            }
        } else if (url.startsWith("jdbc:h2:") && !upper.contains("LOCK_TIMEOUT=")) {
            dataSource.setJdbcUrl(url + ";LOCK_TIMEOUT=" + lockTimeout.toMillis());
        }
    }
}
