package org.trustrepair.advisor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.trustrepair.advisor.cli.Commands;

/**
 * Starts the web advisor (questionnaire page and JSON API) when started bare, with {@code serve}, or with settings
 * only ({@code --server.port=9000}); otherwise runs the command named ({@code batch}, {@code check}…, {@code
 * --version}), and refuses an unknown one with the list of commands.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdvisorApplication {

    public static void main(String[] args) {
        if (Commands.startsServer(args)) {
            SpringApplication.run(AdvisorApplication.class, Commands.serverArguments(args));
            return;
        }
        System.exit(Commands.run(args));
    }
}
