package org.trustrepair.advisor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.trustrepair.advisor.cli.Commands;

/**
 * Starts the web advisor (questionnaire page and JSON API), or, when the first argument names a command such as
 * {@code batch}, runs that command without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdvisorApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
        }
        SpringApplication.run(AdvisorApplication.class, args);
    }
}
