package dev.superapp.batch.campaign;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The campaign feature on the application's system configuration (database, migrations, Batch repository,
 * clock) and nothing else, so campaign tests do not depend on how other features are wired.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan({"dev.superapp.batch.campaign", "dev.superapp.batch.system"})
@ConfigurationPropertiesScan("dev.superapp.batch.campaign")
class CampaignTestContext {
}
