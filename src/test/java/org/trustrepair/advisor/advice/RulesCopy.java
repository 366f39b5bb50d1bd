package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the frozen rule set ({@link RulesFolder#FIXTURE}) to edit in a test of the proof's machinery, as a
 * counsellor would edit theirs.
 */
public final class RulesCopy {

    private RulesCopy() {}

    public static Path of(Path target) throws IOException {
        copy(RulesFolder.FIXTURE, target);
        return target;
    }

    public static void copy(Path from, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** Replaces text in one file of the copy; the text must be there, once at least. */
    public static void edit(Path rules, String file, String from, String to) throws IOException {
        Path p = rules.resolve(file);
        String text = Files.readString(p);
        assertThat(text).as(file).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    /** Moves the end of the first period in the copy's table from day 14 to {@code day}: both cells of the pair. */
    public static void moveFirstPeriodEnd(Path rules, int day) throws IOException {
        edit(rules, "situation/periods.drl.csv", ",,14,FIRST_TWO_WEEKS", ",," + day + ",FIRST_TWO_WEEKS");
        edit(
                rules,
                "situation/periods.drl.csv",
                "Two weeks to three months,14,90",
                "Two weeks to three months," + day + ",90");
    }
}
