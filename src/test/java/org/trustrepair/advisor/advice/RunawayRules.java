package org.trustrepair.advisor.advice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the repository's rules plus one deliberately runaway rule: for a situation {@value #DAYS} days after the
 * fact, a rule modifies a fact it matches, which makes it match again, for ever. Every other situation gets its
 * usual plan. The rules carry proper metadata, so the rule set builder accepts them.
 */
public final class RunawayRules {

    /** The {@code daysElapsed} that sets the runaway rule off. */
    public static final int DAYS = 4242;

    static final String DRL = """
      // A deliberately runaway rule, for the hardening tests only: it re-triggers itself for ever.
      package trustrepair;

      import org.trustrepair.advisor.advice.*;
      import org.trustrepair.advisor.advice.facts.*;

      declare Spin
        turns : long
      end

      rule "Start spinning for the runaway test situation"
        @id("runaway-start")
        @reason("A test rule that starts a loop.")
        @sources("SEED")
      when
        Situation( daysElapsed == %d )
      then
        insert( new Spin( 0 ) );
      end

      rule "Spin again, for ever"
        @id("runaway-spin")
        @reason("A test rule that re-triggers itself.")
        @sources("SEED")
      when
        $spin : Spin( $turns : turns )
      then
        modify( $spin ) { setTurns( $turns + 1 ) };
      end
      """.formatted(DAYS);

    private RunawayRules() {}

    /** Writes the copy into {@code dir} (which must be empty or absent) and returns it. */
    public static Path writeTo(Path dir) {
        try {
            try (Stream<Path> files = Files.walk(RulesFolder.PATH)) {
                for (Path p : files.toList()) {
                    Path target = dir.resolve(RulesFolder.PATH.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            Files.createDirectories(dir.resolve("runaway"));
            Files.writeString(dir.resolve("runaway/runaway.drl"), DRL);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON body of answers that sets the runaway rule off. */
    public static String runawayBody() {
        return "{\"relationship\":\"ROMANTIC\",\"breach\":\"HALF_TRUTHS\",\"readiness\":\"NEEDS_SPACE\","
                + "\"daysElapsed\":" + DAYS + "}";
    }

    /** A JSON body of answers the runaway rule leaves alone. */
    public static String soundBody() {
        return "{\"relationship\":\"ROMANTIC\",\"breach\":\"HALF_TRUTHS\",\"readiness\":\"NEEDS_SPACE\","
                + "\"daysElapsed\":20,\"apologiesMade\":2}";
    }
}
