package org.trustrepair.advisor.advice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample in samples/ gets the plan its expectation describes, and together the samples cover the ground. */
public class SamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Advisor advisor = RulesFolder.advisor();

    public static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Case read(Path file) throws IOException {
        Case.Read read =
                Case.read(JSON.readTree(file.toFile()), file.getFileName().toString(), AnswersReader.strict());
        assertThat(read.problems()).as("problems reading %s", file).isEmpty();
        return read.value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGetsTheExpectedPlan(Path file) throws IOException {
        Case sample = read(file);
        assertThat(sample.expected()).as("%s has an expectation", file).isNotNull();
        assertThat(advisor.failures(sample.expected(), advisor.advise(sample.answers())))
                .as(sample.id())
                .isEmpty();
    }

    @Test
    void samplesCoverEveryTrackReadinessRelationshipAndSafetyFlag() throws IOException {
        List<Case> all = samples()
                .map(p -> {
                    try {
                        return read(p);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all.stream()
                        .map(c -> advisor.advise(c.answers()).classification().track())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Track.values());
        assertThat(all.stream()
                        .map(c -> c.answers().readiness())
                        .filter(r -> r != null)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Readiness.values());
        assertThat(all.stream().map(c -> c.answers().relationship()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Relationship.values());
        Set<SafetyFlag> flags = EnumSet.noneOf(SafetyFlag.class);
        all.forEach(c -> flags.addAll(c.answers().safety()));
        assertThat(flags).containsExactlyInAnyOrder(SafetyFlag.values());
        assertThat(all.stream()
                        .map(Case::id)
                        .filter(id -> id.startsWith("comment-"))
                        .count())
                .as("the five cases of the domain brief")
                .isEqualTo(5);
        assertThat(Arrays.stream(Role.values()))
                .allMatch(r -> all.stream().anyMatch(c -> c.answers().role() == r));
    }
}
