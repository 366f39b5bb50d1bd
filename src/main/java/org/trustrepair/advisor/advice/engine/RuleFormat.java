package org.trustrepair.advisor.advice.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.trustrepair.advisor.advice.RuleProblem;

/**
 * The format a rules folder is written in, {@code format: N} in its plan.yaml, so that rules written for another
 * advisor are refused with what changed rather than with a hundred compile errors. A folder whose plan.yaml names none
 * was written before formats were named: format 2 if its questionnaire asks {@code theirResponse} (new in format 2),
 * else format 1. A folder with no plan.yaml is taken as this advisor's format, so that the builder names what is
 * missing.
 *
 * @param number the format, 0 when plan.yaml names one that is not a whole number
 * @param declared whether plan.yaml names it
 */
public record RuleFormat(int number, boolean declared) {

    /** The format this advisor reads. */
    public static final int CURRENT = 2;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What each format brought, for a reader who has rules of an older one. */
    private static final Map<Integer, String> CHANGES = Map.of(
            1,
            "contract v1: five undirected safety flags (OTHER_PARTY_AFRAID, VIOLENCE_OR_THREATS, "
                    + "CONTROLLING_BEHAVIOUR, SELF_HARM_THOUGHTS, PROTECTIVE_ORDER); no theirResponse, no "
                    + "contactUnavoidable",
            2,
            "contract v2: ten directed safety flags that say who is at risk from whom (THEY_FEAR_ME, "
                    + "I_FEAR_THEM, VIOLENCE_BY_ME, …, ORDER_AGAINST_ME) in the facts the rules see; readiness only "
                    + "from the person who broke trust once the other knows; theirResponse from the person who was "
                    + "hurt; contactUnavoidable; the guardrails in guardrails.yaml; format: 2 in plan.yaml");

    public static RuleFormat of(RuleFiles files) {
        if (files.files().stream().noneMatch(f -> f.path().equals("plan.yaml"))) {
            return new RuleFormat(CURRENT, false); // not a rules folder of any format: the builder says what is missing
        }
        JsonNode format = yaml(files, "plan.yaml").path("format");
        if (!format.isMissingNode() && !format.isNull()) {
            return new RuleFormat(format.canConvertToInt() && format.isIntegralNumber() ? format.intValue() : 0, true);
        }
        boolean asksTheirResponse = false;
        for (JsonNode question : yaml(files, "questionnaire.yaml").path("questions")) {
            asksTheirResponse |= question.path("field").asText().equals("theirResponse");
        }
        return new RuleFormat(asksTheirResponse ? 2 : 1, false);
    }

    private static JsonNode yaml(RuleFiles files, String name) {
        for (RuleFiles.RuleFile f : files.files()) {
            if (f.path().equals(name)) {
                try {
                    JsonNode node = YAML.readTree(f.content());
                    return node == null ? YAML.nullNode() : node;
                } catch (IOException e) {
                    return YAML.nullNode(); // the builder names what is wrong with the file
                }
            }
        }
        return YAML.nullNode();
    }

    /** Why this advisor cannot build these rules, if it cannot. */
    public Optional<RuleProblem> problem() {
        if (number == CURRENT) {
            return Optional.empty();
        }
        if (number < 1 || number > CURRENT) {
            return Optional.of(new RuleProblem(
                    "plan.yaml",
                    0,
                    "These rules say format: " + (number < 1 ? "(not a whole number)" : number)
                            + ", and this advisor reads format " + CURRENT + ".",
                    number > CURRENT
                            ? "They were written for a newer advisor: run the advisor that came with them."
                            : "Write format: " + CURRENT + " at the top of plan.yaml."));
        }
        return Optional.of(new RuleProblem(
                "plan.yaml",
                0,
                "These rules are " + this + ", and this advisor reads format " + CURRENT + ".",
                "What changed: " + changes(number, CURRENT) + " (rules/README.md, \"Formats\")."));
    }

    /** What the formats after {@code from}, up to {@code to}, changed. */
    public static String changes(int from, int to) {
        return IntStream.rangeClosed(Math.max(from, 0) + 1, to)
                .mapToObj(n -> CHANGES.containsKey(n)
                        ? "format " + n + " brought " + CHANGES.get(n)
                        : "format " + n + " is newer than this advisor, which reads format " + CURRENT
                                + ": the advisor that came with those rules knows what it changed")
                .collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        String name = number < 1 ? "an unreadable format" : "format " + number;
        return declared ? name : name + " (plan.yaml names no format; read from the questionnaire)";
    }
}
