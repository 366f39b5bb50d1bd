package org.trustrepair.advisor.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.batch.Counts;

/** A check's outcome in plain words, ending with a verdict that says what to fix first. */
public final class CheckReport {

    private CheckReport() {}

    /** The report; without {@code everyPromise}, the promises that hold are counted on one line. */
    public static String text(RuleCheck.Outcome o, boolean everyPromise) {
        StringBuilder out = new StringBuilder();
        out.append("Checking the rules in " + o.origin() + " (version " + o.version() + ")\n\n");

        if (!o.compiles()) {
            out.append(String.format(
                    "1. Compiling: %d problem%s (%s)%n",
                    o.problems().size(), o.problems().size() == 1 ? "" : "s", seconds(o.compileTime())));
            for (RuleProblem p : o.problems()) {
                out.append("   " + where(p) + ": " + p.message() + "\n");
                if (p.hint() != null) {
                    out.append("      what to do: ").append(p.hint()).append('\n');
                }
            }
            out.append("\nThe samples and the guardrail sweep need rules that compile; they were not run.\n");
            out.append(verdict(o));
            return out.toString();
        }

        out.append(String.format(
                "1. Compiling: %s, each with its id, reason, sources and texts (%s).%n",
                o.ruleSet().rules().size() == 1
                        ? "1 rule compiles"
                        : o.ruleSet().rules().size() + " rules compile",
                seconds(o.compileTime())));
        // a warning, not a thing to fix: the rules may serve with it
        RepeatedDetails.warning(o.ruleSet().catalogue()).forEach(line -> out.append("   " + line + "\n"));

        int samplesRun = o.samples().count();
        if (samplesRun == 0) {
            out.append("2. Samples: none found.\n");
        } else {
            out.append(String.format(
                    "2. Samples: %d of %d get the plan their expectation describes (%s).%n",
                    samplesRun - o.sampleFailures().size(), samplesRun, seconds(o.samplesTime())));
            for (Samples.Failure f : o.sampleFailures()) {
                out.append("   FAILED  " + f.id() + " (" + f.file() + ")\n");
                f.failures().forEach(line -> out.append("           - " + line + "\n"));
                // the sample's situation as the questionnaire asks it (none for a file that could not be read)
                o.samples().samples().stream()
                        .filter(s -> s.file().equals(f.file()))
                        .forEach(s -> {
                            out.append("           its answers:\n");
                            DiffWords.situation(
                                            o.ruleSet().questionnaire(),
                                            s.value().answers())
                                    .forEach(line -> out.append("             " + line + "\n"));
                            out.append("           read the plan it gets: "
                                    + SweepReport.previewCommand(s.value().answers()) + "\n");
                        });
            }
            if (!o.unprotected().isEmpty()) {
                out.append(String.format(
                        "   Named by no sample (%d): no sample's expectation names these steps or withheld items, so an"
                                + " edit that drops one would pass unseen. To protect one, add its id (in brackets)"
                                + " to the \"steps\" or \"withheld\" of a sample whose plan gives it (rules/README.md,"
                                + " \"Samples\"):%n",
                        o.unprotected().size()));
                o.unprotected()
                        .forEach(id ->
                                out.append("      " + o.ruleSet().catalogue().named(id) + "\n"));
            }
        }

        if (o.sweep() == null) {
            out.append("3. Guardrails: not swept.\n");
        } else {
            out.append("3. Guardrails, over every situation the rules can tell apart:\n");
            for (String line : SweepReport.text(o.sweep(), o.ruleSet().questionnaire(), everyPromise)
                    .split("\n")) {
                out.append("   " + line + "\n");
            }
            if (o.sweep().rulesNeverFired().isEmpty()) {
                out.append("4. Rules that never fire, in any situation: none.\n");
            } else {
                out.append(String.format(
                        "4. Rules that never fire, in any situation: %d (listed above). Their "
                                + "conditions never all hold together; correct them or remove the rules.%n",
                        o.sweep().rulesNeverFired().size()));
            }
        }
        out.append('\n').append(verdict(o));
        return out.toString();
    }

    /** The last lines: whether the rules may serve, and if not, each thing to fix. */
    static String verdict(RuleCheck.Outcome o) {
        List<String> todo = todo(o);
        if (todo.isEmpty()) {
            return o.sweep() == null
                    ? "VERDICT: the rules compile and the samples hold (the guardrail sweep was not run).\n"
                    : "VERDICT: everything holds. These rules may serve.\n";
        }
        StringBuilder out = new StringBuilder(
                String.format("VERDICT: NOT READY. %d thing%s to fix:%n", todo.size(), todo.size() == 1 ? "" : "s"));
        todo.forEach(t -> out.append("  - ").append(t).append('\n'));
        return out.toString();
    }

    /** What stands between these rules and serving, one line each (never a person's answers: there are none here). */
    public static List<String> todo(RuleCheck.Outcome o) {
        List<String> todo = new ArrayList<>();
        o.problems().forEach(p -> todo.add(where(p) + ": " + p.message()));
        for (Samples.Failure f : o.sampleFailures()) {
            todo.add("sample " + f.id() + ": " + String.join("; ", f.failures())
                    + (o.samples().unreadable().contains(f)
                            ? " (correct the file " + f.file() + ": until it can be read, it checks nothing)"
                            : " (correct the rules, or the sample's expectation if the change is intended)"));
        }
        Sweep.Result s = o.sweep();
        if (s != null) {
            s.violations().forEach((g, n) -> {
                if (n > 0) {
                    todo.add(String.format(
                            "guardrail broken in %s: %s (example above: %s)",
                            Counts.of(n, "situation"),
                            g.promise().trim(),
                            s.examples().get(g).get(0).problem()));
                }
            });
            if (s.errors() > 0) {
                todo.add(String.format(
                        "%s: %s",
                        s.errors() == 1
                                ? "1 situation gets no plan"
                                : Counts.of(s.errors(), "situation") + " get no plan",
                        s.firstError().problem()));
            }
            if (!s.rulesNeverFired().isEmpty()) {
                todo.add(s.rulesNeverFired().stream()
                        .collect(Collectors.joining("\", \"", "rules that never fire: \"", "\"")));
            }
            if (!s.proof()) {
                todo.add(
                        "the sweep is not a proof: a rule compares daysElapsed or apologiesMade in a form the sweep cannot "
                                + "follow; write such conditions as `daysElapsed < 14` or `apologiesMade >= 2`");
            }
        }
        return todo;
    }

    static String where(RuleProblem p) {
        if (p.line() <= 0) {
            return p.file();
        }
        return p.file().matches(".*\\.drl\\.(xls|xlsx)$") ? p.file() + " row " + p.line() : p.file() + ":" + p.line();
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
