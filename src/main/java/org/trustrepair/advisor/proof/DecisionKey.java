package org.trustrepair.advisor.proof;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trustrepair.advisor.advice.engine.Catalogue;
import org.trustrepair.advisor.advice.engine.Catalogue.AdviceText;
import org.trustrepair.advisor.advice.engine.PlanMaker;
import org.trustrepair.advisor.advice.engine.RuleInfo;

/**
 * A fingerprint of everything in a rule set that the guardrail sweep can observe: what the rules decide (the DRL
 * without its comments, reasons and sources, and its rules in the order of their names where that order decides
 * nothing), which answers each reason names, the kinds and help lines of every
 * text, which texts are blank, and the evaluation limits. Two rule sets with the same key get the same sweep outcome
 * situation by situation, so an edit that only rewords texts, reasons or sources, or adds a comment, needs no new
 * sweep: the proof of the rules it rewords stands for it.
 *
 * <p>What is left out, and why the sweep cannot see it: the words of titles, details and reasons (the guardrails
 * read only whether they are blank, and whether a reason keeps an unfilled {@code {answer}}; the answers a reason
 * names are in the key, and any brace left in its own words is), the source keys (checked when the rules are built),
 * the phase and track names, the questionnaire's wording (except a brace in an answer's words, which could leave a
 * reason looking unfilled). Three things about words are kept, because guardrails read them: which texts share a
 * title or a detail ({@code distinctTitles}, {@code distinctDetails}), the text of
 * {@code guardrails.yaml} itself (an edited promise is a new proof), and which of the words the guardrails look for
 * ({@code noStepSays}, {@code noReasonSays}) each title, detail, reason and answer's wording contains, so that a
 * rewording that brings such words in, or takes them out, is swept again.
 */
final class DecisionKey {

    /** A rule's {@code @reason("…")} or {@code @sources("…")}: words, not decisions. */
    private static final Pattern WORDS = Pattern.compile("@(reason|sources)\\s*\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\)");

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private DecisionKey() {}

    static String of(
            Map<String, String> drlSources,
            RuleModel model,
            Map<String, RuleInfo> rules,
            Catalogue catalogue,
            int maxFirings,
            long maxEvaluationNanos,
            String guardrails,
            List<String> guardrailWords) {
        StringBuilder key = new StringBuilder(64 * 1024);
        key.append(drl(drlSources, model));
        key.append(beyondTheDrl(rules, catalogue, maxFirings, maxEvaluationNanos));
        key.append("guardrails\n").append(guardrails).append('\n');
        key.append(wordsSaid(rules, catalogue, guardrailWords));
        return sha256(key.toString());
    }

    /** Which of the guardrails' words each text, reason and answer's wording contains (only those that contain one). */
    private static String wordsSaid(Map<String, RuleInfo> rules, Catalogue catalogue, List<String> words) {
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        new TreeMap<>(catalogue.advice())
                .forEach((id, text) -> said(key, "text " + id, text.title() + "\n" + text.detail(), words));
        new TreeMap<>(rules).forEach((name, rule) -> said(key, "reason " + name, rule.reason(), words));
        answerWords(catalogue, (answer, phrase) -> said(key, "answer " + answer, phrase, words));
        return key.toString();
    }

    private static void said(StringBuilder key, String where, String text, List<String> words) {
        String lower = String.valueOf(text).toLowerCase(java.util.Locale.ROOT);
        List<String> found = words.stream().filter(lower::contains).toList();
        if (!found.isEmpty()) {
            key.append("says " + where + " " + found + "\n");
        }
    }

    private static String beyondTheDrl(
            Map<String, RuleInfo> rules, Catalogue catalogue, int maxFirings, long maxEvaluationNanos) {
        StringBuilder key = new StringBuilder(16 * 1024);
        key.append("limits " + maxFirings + " " + maxEvaluationNanos + "\n");
        new TreeMap<>(rules)
                .forEach((name, rule) -> key.append("reason " + name + " " + PlanMaker.placeholders(rule.reason()) + " "
                        + PlanMaker.literalBrace(rule.reason()) + " " + Guardrail.blank(rule.reason()) + "\n"));
        new TreeMap<>(catalogue.advice())
                .forEach((id, text) -> key.append("text " + id + " " + Guardrail.blank(text.title()) + " "
                        + Guardrail.blank(text.detail())
                        + " " + text.kinds() + " "
                        + text.helplines().stream()
                                .map(need -> need + "="
                                        + !catalogue
                                                .helplines()
                                                .getOrDefault(need, List.of())
                                                .isEmpty())
                                .toList()
                        + "\n"));
        sameTitles(catalogue).forEach(ids -> key.append("same title " + ids + "\n"));
        sameDetails(catalogue).forEach(ids -> key.append("same detail " + ids + "\n"));
        key.append("disclaimer " + Guardrail.blank(catalogue.disclaimer()) + "\n");
        answerWords(catalogue, (answer, words) -> {
            String filled = words == null ? null : words.replace("{n}", "0");
            if (filled != null && (filled.contains("{") || filled.contains("}"))) {
                key.append("brace in the words for " + answer + "\n");
            }
        });
        return key.toString();
    }

    /**
     * The ids whose titles read the same ({@link Guardrail#sameWords}), each group sorted, two or more to a group: a
     * guardrail can keep two of them out of one plan, so a title reworded to match another's, or no longer to, is
     * swept again.
     */
    static List<List<String>> sameTitles(Catalogue catalogue) {
        return sameText(catalogue, AdviceText::title);
    }

    /** The ids whose details read the same, as {@link #sameTitles} for titles. */
    static List<List<String>> sameDetails(Catalogue catalogue) {
        return sameText(catalogue, AdviceText::detail);
    }

    private static List<List<String>> sameText(Catalogue catalogue, Function<AdviceText, String> field) {
        Map<String, List<String>> byText = new TreeMap<>();
        new TreeMap<>(catalogue.advice())
                .forEach((id, text) -> byText.computeIfAbsent(
                                Guardrail.sameWords(field.apply(text)), t -> new ArrayList<>())
                        .add(id));
        return byText.values().stream().filter(ids -> ids.size() > 1).toList();
    }

    /** Each answer's words in the questionnaire, with the answer as {@code field=value}. */
    private static void answerWords(Catalogue catalogue, BiConsumer<String, String> action) {
        catalogue
                .questionnaire()
                .questions()
                .forEach(q -> Stream.concat(q.choices().stream().map(c -> c.value()), q.inReasons().keySet().stream())
                        .forEach(value -> action.accept(
                                q.field() + "=" + value,
                                catalogue.questionnaire().phrase(q.field(), value))));
    }

    /**
     * Each file's DRL as {@link #decisions} gives it; its rules in the order of their names when the rules only ever add
     * facts ({@link SameFirings#whyNot}), as then the order they are written in decides nothing: moving a rule within
     * its file keeps the key.
     */
    private static String drl(Map<String, String> drlSources, RuleModel model) {
        Map<String, List<RuleModel.Rule>> byFile = new TreeMap<>();
        if (SameFirings.whyNot(model) == null && model.rules().stream().allMatch(r -> r.text() != null)) {
            model.rules()
                    .forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>())
                            .add(r));
        }
        StringBuilder key = new StringBuilder();
        new TreeMap<>(drlSources).forEach((path, drl) -> {
            List<RuleModel.Rule> rules = byFile.get(path);
            key.append("drl " + path + "\n");
            if (rules == null) {
                key.append(decisions(drl)).append('\n');
                return;
            }
            String rest = drl;
            for (RuleModel.Rule rule : rules) {
                rest = rest.replace(rule.text(), "");
            }
            key.append(decisions(rest)).append('\n');
            rules.stream()
                    .sorted(Comparator.comparing(RuleModel.Rule::name))
                    .forEach(rule -> key.append(decisions(rule.text())).append('\n'));
        });
        return key.toString();
    }

    /** The DRL as the engine runs it: no comments, no reasons, no sources, whitespace collapsed. */
    static String decisions(String drl) {
        String code = withoutComments(drl);
        code = WORDS.matcher(code).replaceAll("@$1");
        // each run of white space made one space: how it is written, not how it is laid out
        return SPACE.matcher(code).replaceAll(" ").strip();
    }

    /** Removes {@code //} and {@code /* *}{@code /} comments, leaving string literals (either quotes) as written. */
    static String withoutComments(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && drl.charAt(end) != c) {
                    end += drl.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                out.append(drl, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                while (i < n && drl.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
