package org.trustrepair.advisor.batch;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code advisor generate --count N --seed S --out FILE}: writes N made-up cases as JSON lines, the same for the same
 * seed, for benchmarks and load tests. Every case is valid; none carries an expectation. Not for real people's data.
 */
@Command(
        name = "generate",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Writes made-up cases as JSON lines (for benchmarks); the same seed gives the same cases.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "100000", description = "How many cases (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Where to write (default: stdout).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ObjectWriter json = CaseReader.JSON.writer();
        SplittableRandom random = new SplittableRandom(seed);
        Writer writer = out == null
                ? spec.commandLine().getOut()
                : new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16);
        try {
            for (int i = 1; i <= count; i++) {
                writer.write(json.writeValueAsString(generate(i, random)));
                writer.write('\n');
            }
        } finally {
            if (out == null) {
                writer.flush();
            } else {
                writer.close();
            }
        }
        return 0;
    }

    static ObjectNode generate(int n, SplittableRandom random) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", String.format("gen-%07d", n));
        ObjectNode a = node.putObject("answers");
        Role role = random.nextInt(5) == 0 ? Role.WAS_HURT : Role.BROKE_TRUST;
        if (role == Role.WAS_HURT || random.nextBoolean()) {
            a.put("role", role.name());
        }
        a.put("relationship", pick(Relationship.values(), random).name());
        a.put("breach", pick(Breach.values(), random).name());
        // mostly recent, some years ago: the time bands all get cases
        a.put("daysElapsed", random.nextInt(4) == 0 ? random.nextInt(3651) : random.nextInt(181));
        Disclosure disclosure = random.nextBoolean() ? pick(Disclosure.values(), random) : null;
        if (disclosure != null) {
            a.put("disclosure", disclosure.name());
        }
        if (Answers.readinessAsked(role, disclosure == null ? Disclosure.DISCOVERED : disclosure)) {
            a.put("readiness", pick(Readiness.values(), random).name());
        }
        if (Answers.theirResponseAsked(role) && random.nextInt(4) != 0) {
            a.put("theirResponse", pick(TheirResponse.values(), random).name());
        }
        if (random.nextInt(5) == 0) {
            a.put("stillHappening", true);
        }
        if (random.nextInt(4) == 0) {
            a.put("happenedBefore", true);
        }
        a.put("apologiesMade", random.nextInt(5));
        if (random.nextInt(4) == 0) {
            a.put("othersAffected", true);
        }
        if (random.nextInt(5) == 0) {
            a.put("contactUnavoidable", true);
        }
        if (random.nextInt(10) == 0) {
            ArrayNode safety = a.putArray("safety");
            safety.add(pick(SafetyFlag.values(), random).name());
        }
        return node;
    }

    private static <E> E pick(E[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
