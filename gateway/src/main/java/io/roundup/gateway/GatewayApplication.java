package io.roundup.gateway;

import java.security.Security;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // The JDK keeps a resolved name for 30 s by default; routes resolved from DNS (docker-compose, a Kubernetes
        // headless Service) should see a new or gone copy within seconds. Must be set before the first lookup.
        if (Security.getProperty("networkaddress.cache.ttl") == null) {
            Security.setProperty("networkaddress.cache.ttl", "5");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
