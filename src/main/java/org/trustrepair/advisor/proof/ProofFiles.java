package org.trustrepair.advisor.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Sweeps kept on disk by {@link RuleSet#decisionKey()} and by the code that swept: checking an edit that changes only
 * words (texts, reasons, sources, comments), or rules already checked, reads the sweep of the rules with the same
 * decisions instead of sweeping again. The check command keeps its sweeps here, and so does a server given a proofs
 * folder ({@link Proofs}): a fleet's replicas take up the sweep the check made before an edit was published. A sweep
 * found for other code (a new build) is never used. Nothing here comes from a person: the examples are situations the
 * sweep made up, kept by their index in the space.
 */
public record ProofFiles(Path folder, String code) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 2;
    private static final int KEPT = 100;

    /** What is kept of one sweep. */
    record Stored(
            int format,
            String key,
            String code,
            String version,
            long situations,
            long elapsedMillis,
            Map<String, Long> violations,
            Map<String, List<Kept>> examples,
            long errors,
            Kept firstError,
            Map<String, Long> situationsPerRule,
            List<String> rulesNeverFired,
            boolean proof) {}

    /** An example situation, by its index in the space, and what is wrong with it. */
    record Kept(long index, String problem) {
        static Kept of(Sweep.Example e) {
            return new Kept(e.index(), e.problem());
        }

        /** The example again, its situation placed in the space. */
        Sweep.Example in(AnswerSpace space) {
            return new Sweep.Example(index, space.get(index), problem);
        }
    }

    /** The folder for these files by default: the user's cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache}). */
    public static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("trust-repair-advisor").resolve("check");
    }

    /** A sweeper that reads the sweep of rules with the same decisions when one is kept, and keeps what it sweeps. */
    public Function<RuleSet, Sweep.Result> reusing(Function<RuleSet, Sweep.Result> sweep) {
        return rules -> read(rules).orElseGet(() -> {
            Sweep.Result result = sweep.apply(rules);
            write(rules, result);
            return result;
        });
    }

    Optional<Sweep.Result> read(RuleSet rules) {
        Path file = file(rules);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            if (s.format() != FORMAT
                    || !s.key().equals(RulesRead.decisionKey(rules))
                    || !s.code().equals(code)) {
                return Optional.empty();
            }
            // Same decisions and same code make the same space. It is worked out only to place the examples of a
            // sweep that found something; a fleet's replica taking up a proof that holds skips it (about a second).
            AnswerSpace placed = s.examples().isEmpty() && s.firstError() == null ? null : AnswerSpace.of(rules);
            Supplier<AnswerSpace> space = placed != null ? () -> placed : () -> AnswerSpace.of(rules);
            Map<Guardrail, Long> violations = new LinkedHashMap<>();
            Map<Guardrail, List<Sweep.Example>> examples = new LinkedHashMap<>();
            for (Guardrail g : Guardrails.of(rules).all()) {
                violations.put(g, s.violations().getOrDefault(g.id(), 0L));
                List<Kept> kept = s.examples().get(g.id());
                if (kept != null) {
                    examples.put(g, kept.stream().map(k -> k.in(placed)).toList());
                }
            }
            Sweep.Example firstError =
                    s.firstError() == null ? null : s.firstError().in(placed);
            return Optional.of(new Sweep.Result(
                    space,
                    s.situations(),
                    Duration.ofMillis(s.elapsedMillis()),
                    violations,
                    examples,
                    s.errors(),
                    firstError,
                    new TreeMap<>(s.situationsPerRule()),
                    s.rulesNeverFired(),
                    s.proof(),
                    s.version(),
                    0,
                    0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or from another version of this file: sweep again
        }
    }

    void write(RuleSet rules, Sweep.Result r) {
        Map<String, Long> violations = new LinkedHashMap<>();
        r.violations().forEach((g, n) -> violations.put(g.id(), n));
        Map<String, List<Kept>> examples = new LinkedHashMap<>();
        r.examples()
                .forEach((g, e) -> examples.put(g.id(), e.stream().map(Kept::of).toList()));
        Kept firstError = r.firstError() == null ? null : Kept.of(r.firstError());
        Stored s = new Stored(
                FORMAT,
                RulesRead.decisionKey(rules),
                code,
                rules.version(),
                r.situations(),
                r.elapsed().toMillis(),
                violations,
                examples,
                r.errors(),
                firstError,
                r.situationsPerRule(),
                r.rulesNeverFired(),
                r.proof());
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "sweep", ".tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, file(rules), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            // keeping it only saves time next check; the check itself is complete without it
        }
    }

    /** Keeps the {@value #KEPT} most recent sweeps (a few kilobytes each). */
    private void prune() throws IOException {
        List<Path> oldestFirst;
        try (Stream<Path> files = Files.list(folder)) {
            oldestFirst = files.filter(p -> String.valueOf(p.getFileName()).endsWith(".json"))
                    .sorted(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .toList();
        }
        for (Path p : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - KEPT))) {
            Files.deleteIfExists(p);
        }
    }

    /** Named by the code first, so that {@link #keptForThisCode} needs to read no file. */
    private Path file(RuleSet rules) {
        return folder.resolve(codePrefix()
                + DecisionKey.sha256(RulesRead.decisionKey(rules) + "\n" + code).substring(0, 32) + ".json");
    }

    private String codePrefix() {
        return DecisionKey.sha256(code).substring(0, 12) + "-";
    }

    /**
     * Whether any sweep made by this code is kept: when none is, a check sweeps because the advisor is new here (built,
     * updated or copied since the last check), not because a decision changed.
     */
    public boolean keptForThisCode() {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(p -> String.valueOf(p.getFileName()).startsWith(codePrefix()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The code that sweeps, as files: every entry of the class path with its size and time, and every file inside a
     * folder entry. Any new build changes it. ({@code java -jar} has the one jar, which holds everything.)
     */
    public static String codeOfThisProcess() {
        StringBuilder id = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            try {
                List<Path> files = List.of(p.toAbsolutePath());
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                }
                for (Path f : files) {
                    if (Files.isRegularFile(f)) {
                        id.append(f + " " + Files.size(f) + " "
                                + Files.getLastModifiedTime(f).toMillis() + "\n");
                    }
                }
            } catch (IOException e) {
                id.append(p).append(" unreadable\n");
            }
        }
        return DecisionKey.sha256(id.toString());
    }
}
