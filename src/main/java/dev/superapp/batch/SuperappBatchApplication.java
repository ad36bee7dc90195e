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
        System.exit(SuperappCommand.execute(args));
    }
}
