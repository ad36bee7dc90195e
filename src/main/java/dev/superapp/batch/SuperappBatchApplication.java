package dev.superapp.batch;

import dev.superapp.batch.cli.SuperappCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * superapp-batch: nightly reconciliation and campaign pushes for super-app mini programs.
 * The process is always started through the command line; each command starts the Spring
 * context it needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SuperappBatchApplication {

    public static void main(String[] args) {
        // The embedded database's automatic server (AUTO_SERVER=TRUE) would listen on every interface and
        // publish the host's address; loopback keeps the database on this machine. Set before H2 loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(SuperappCommand.execute(args));
    }
}
