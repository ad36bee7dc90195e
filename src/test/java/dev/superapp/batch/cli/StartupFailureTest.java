package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql://db.example:3306/shop                        | jdbc:mysql://db.example:3306/shop
            jdbc:mysql://shop:s3cret@db.example/shop                 | jdbc:mysql://shop:****@db.example/shop
            jdbc:mysql://db.example/shop?user=shop&password=s3cret&ssl=true | jdbc:mysql://db.example/shop?user=shop&password=****&ssl=true
            jdbc:h2:file:./data/x;MODE=MySQL;PASSWORD=s3cret;USER=sa | jdbc:h2:file:./data/x;MODE=MySQL;PASSWORD=****;USER=sa
            """)
    void masksPasswordsWrittenIntoTheDatabaseUrl(String url, String shown) {
        assertThat(StartupFailure.withoutPassword(url)).isEqualTo(shown);
    }
}
