package org.trustrepair.advisor.advice;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used: it does not compile, or its texts and metadata are incomplete. */
public class RuleSetException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetException(String origin, List<RuleProblem> problems) {
        super("The rules in " + origin + " cannot be used (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
