package dev.superapp.batch.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every connection gets connect, socket or lock timeouts, unless its URL already says otherwise. */
class DatabaseTimeoutsTest {

    private final DatabaseTimeouts timeouts = new DatabaseTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofSeconds(10));

    @Test
    void mysqlConnectionsGetConnectAndSocketTimeouts() {
        HikariDataSource dataSource = dataSource("jdbc:mysql://db:3306/shop?rewriteBatchedStatements=true");

        timeouts.apply(dataSource);

        assertThat(dataSource.getDataSourceProperties()).containsEntry("connectTimeout", "10000")
                .containsEntry("socketTimeout", "600000");
    }

    @Test
    void aTimeoutInTheUrlWins() {
        HikariDataSource dataSource = dataSource("jdbc:mysql://db:3306/shop?socketTimeout=2000");

        timeouts.apply(dataSource);

        assertThat(dataSource.getDataSourceProperties()).containsEntry("connectTimeout", "10000")
                .doesNotContainKey("socketTimeout");
    }

    @Test
    void h2GetsALockTimeoutUnlessItHasOne() {
        HikariDataSource embedded = dataSource("jdbc:h2:file:./data/x;MODE=MySQL");
        HikariDataSource own = dataSource("jdbc:h2:mem:y;LOCK_TIMEOUT=500");

        timeouts.apply(embedded);
        timeouts.apply(own);

        assertThat(embedded.getJdbcUrl()).isEqualTo("jdbc:h2:file:./data/x;MODE=MySQL;LOCK_TIMEOUT=10000");
        assertThat(own.getJdbcUrl()).isEqualTo("jdbc:h2:mem:y;LOCK_TIMEOUT=500");
    }

    private static HikariDataSource dataSource(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        return dataSource;
    }
}
