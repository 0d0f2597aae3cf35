package io.roundup.web;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The reader site: a separate application so that it scales and fails on its own, apart from the services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WebApplication.class);
        application.setDefaultProperties(Map.of(ConsoleAssets.VERSION_PROPERTY, ConsoleAssets.version()));
        application.run(args);
    }
}
