package org.trustrepair.advisor.proof;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.batch.Counts;

/** A sweep's result in plain words, for the check command, tests and docs. */
public final class SweepReport {

    private SweepReport() {}

    /**
     * The report; without {@code everyPromise}, the promises that hold are one line, not one each (a counsellor's
     * trial scrolled past about ninety "holds" to find what a one-word edit had done), and each broken one is listed
     * in full with its number in {@code guardrails.yaml}.
     */
    public static String text(Sweep.Result r, Questionnaire questionnaire, boolean everyPromise) {
        StringBuilder out = new StringBuilder();
        if (r.reused()) {
            out.append(String.format(
                    "Not swept again: these rules decide exactly as the rules of version %s, swept "
                            + "earlier (%s, %.1f s); that sweep stands for them (if the versions differ, only words, "
                            + "sources, comments or the order of rules in a file do).%n",
                    r.reusedFrom(),
                    Counts.of(r.situations(), "situation"),
                    r.elapsed().toMillis() / 1000.0));
        } else {
            out.append(String.format(
                    "Swept %s in %.1f s on %s (%,.0f a second).%n",
                    Counts.of(r.situations(), "situation"),
                    r.elapsed().toMillis() / 1000.0,
                    Counts.of(r.threads(), "thread"),
                    r.situations() / Math.max(0.001, r.elapsed().toMillis() / 1000.0)));
            if (r.evaluated() < r.situations()) {
                out.append(String.format(
                        "   The rules were run for %,d of them; each of the others fires exactly the same rules "
                                + "as one of those (it shares every condition that could matter), so it got that plan, and the "
                                + "guardrails were checked on it with its own answers.%n",
                        r.evaluated()));
            }
        }
        List<String> space = SpaceWords.of(r.space().get(), questionnaire);
        out.append(space.get(0)).append('\n');
        space.subList(1, space.size())
                .forEach(line -> out.append("   ").append(line).append('\n'));
        if (!r.proof()) {
            out.append(
                    "NOTE: this sweep is not a proof: it skipped situations, or a rule compares days or apologies in a "
                            + "form the sweep cannot follow (only `daysElapsed < 14`-style comparisons with a number are).\n");
        }
        int number = 0;
        int held = 0;
        for (Guardrail g : r.violations().keySet()) {
            long n = r.violations().get(g);
            number++;
            if (n == 0 && !everyPromise) {
                held++;
                continue;
            }
            out.append(n == 0 ? "  holds   " : "  BROKEN  ").append(g.description(number));
            if (n > 0) {
                List<Sweep.Example> examples = r.examples().get(g);
                out.append(String.format(
                        "%n          guardrail %s in guardrails.yaml; %s, for example%s:",
                        g.id(),
                        Counts.of(n, "situation"),
                        examples.size() > 1 ? " (" + examples.size() + " different plans)" : ""));
                for (Sweep.Example e : examples) {
                    out.append(String.format(
                            "%n%s          %s%n          read that plan: %s",
                            situation(e.answers(), questionnaire), e.problem(), previewCommand(e.answers())));
                }
            }
            out.append('\n');
        }
        if (held > 0) {
            out.append(String.format(
                    "  holds   %s %d promise%s in guardrails.yaml, over every situation (./advisor check --verbose"
                            + " lists each)%n",
                    held == number ? "all" : "the other", held, held == 1 ? "" : "s"));
        }
        if (r.errors() > 0) {
            out.append(String.format(
                    "  %s got no plan, for example:%n%s          %s%n",
                    Counts.of(r.errors(), "situation"),
                    situation(r.firstError().answers(), questionnaire),
                    r.firstError().problem()));
        }
        if (!r.rulesNeverFired().isEmpty()) {
            out.append("Rules that never fire, in any situation:\n");
            r.rulesNeverFired().forEach(name -> out.append("  \"").append(name).append("\"\n"));
        }
        return out.toString();
    }

    /**
     * A made-up situation (sweeps never see a person's answers) as the questionnaire asks it of that person, one
     * indented line per question (no readiness when the other person does not know, no answer only the other role
     * gives).
     */
    private static String situation(Answers a, Questionnaire questionnaire) {
        return DiffWords.situation(questionnaire, a).stream()
                .map(line -> "            " + line + "\n")
                .collect(Collectors.joining());
    }

    /**
     * The {@code ./advisor preview} command that shows the plan of these answers (add {@code --rules FOLDER} for a
     * folder other than {@code rules}): the answers asked of that person, as name=value.
     */
    public static String previewCommand(Answers a) {
        Map<String, Object> asked = Condition.byName(a); // in the questionnaire's order, safety last
        asked.put(
                "safety",
                a.safety().isEmpty()
                        ? null
                        : a.safety().stream().map(Enum::name).collect(Collectors.joining(",")));
        asked.values().removeIf(Objects::isNull); // readiness and their response where not asked; no flag ticked
        if (a.role() != Role.BROKE_TRUST && a.apologiesMade() == 0) {
            asked.remove("apologiesMade");
        }
        return asked.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "./advisor preview ", ""));
    }
}
