package org.trustrepair.advisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.Questionnaire.Choice;
import org.trustrepair.advisor.advice.Questionnaire.Question;
import org.trustrepair.advisor.advice.engine.RuleSet;
import org.trustrepair.advisor.questionnaire.Journey;
import org.trustrepair.advisor.workbench.Quiet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./advisor ask}: the questionnaire in the terminal, one question at a time, then the plan as {@code preview}
 * prints it. Which questions apply, and in what order, is the web page's {@link Journey}; the answers stay in memory
 * and are never written anywhere.
 */
@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Asks the questionnaire's questions in the terminal, as the web page asks them (only those that apply),"
                    + " then prints the plan as preview does. Answer a list by its number, its value or its words; Enter keeps"
                    + " the default or leaves a question blank. Answers can be piped in, one a line.",
            "Exit code: 0 a plan, 1 no plan (the rules say why), 2 the answers ended early or no usable rules folder."
        })
public final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Mixin
    RulesFolderOption rules = new RulesFolderOption();

    /** Where the answers come from: the terminal, or whatever is piped in. */
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    @Override
    public Integer call() {
        try (Quiet quiet = verbosity.logs()) {
            return ask(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    private int ask(PrintWriter out, PrintWriter err) {
        RuleSet ruleSet = rules.ruleSet("ask", err);
        if (ruleSet == null) {
            return 2;
        }
        Journey journey = Journey.start(ruleSet.questionnaire());
        Optional<Question> next = journey.first();
        while (next.isPresent()) {
            Question question = next.get();
            put(out, journey, journey.worded(question));
            while (true) {
                String line = readLine();
                if (line == null) {
                    out.println();
                    out.flush();
                    err.println("advisor ask: the answers ended before the questions did; nothing was kept.");
                    err.flush();
                    return 2;
                }
                Optional<List<String>> values = values(question, line.strip());
                List<FieldProblem> problems = List.of();
                if (values.isPresent()) {
                    Journey answered = journey.answer(question.id(), values.get());
                    problems = answered.problemsWith(question.id());
                    if (problems.isEmpty()) {
                        journey = answered;
                        break;
                    }
                }
                out.println("  \"" + line.strip() + "\" is not an answer to this question. "
                        + (values.isEmpty()
                                ? answers(question, line.strip())
                                : String.join(
                                        " ",
                                        problems.stream()
                                                .map(FieldProblem::message)
                                                .toList())));
                out.print("  " + allowed(question) + "\n> ");
                out.flush();
            }
            next = journey.after(question.id());
        }
        AnswersReader.Result read = journey.read();
        if (!read.ok()) {
            read.problems().forEach(p -> err.println("advisor ask: " + p));
            err.flush();
            return 2;
        }
        out.println();
        return PreviewCommand.print(ruleSet, read.answers(), out);
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A question as the page puts it: where it stands, its words, its help, and its answers, numbered. */
    private static void put(PrintWriter out, Journey journey, Question q) {
        out.printf("%n%d of %d. %s%n", journey.position(q.id()), journey.total(), q.text());
        if (q.help() != null && !q.help().isBlank()) {
            out.println("   " + q.help());
        }
        for (int i = 0; i < q.choices().size(); i++) {
            Choice c = q.choices().get(i);
            out.printf("   %d. %s  [%s]%n", i + 1, c.label() == null ? c.value() : c.label(), c.value());
        }
        out.print("  " + allowed(q) + "\n> ");
        out.flush();
    }

    /**
     * The answers a list or a yes/no question takes, spelt out as {@link #put} lists them: several that these words
     * may name, or the nearest to them first ({@link TypedAnswers#near}), then all of them.
     */
    private static String answers(Question q, String typed) {
        if ("yesno".equals(q.type())) {
            return "Answer yes or no.";
        }
        List<Choice> naming = TypedAnswers.naming(q.choices(), typed);
        List<Choice> near = naming.size() > 1 ? List.of() : TypedAnswers.near(q.choices(), typed);
        String first = naming.size() > 1
                ? "It could be more than one: " + numbered(q, naming) + ". "
                : near.isEmpty() ? "" : "Did you mean " + numbered(q, near) + "? ";
        return first + "The answers are: " + numbered(q, q.choices()) + ".";
    }

    private static String numbered(Question q, List<Choice> choices) {
        return String.join(
                "; ",
                choices.stream()
                        .map(c -> (q.choices().indexOf(c) + 1) + ". " + (c.label() == null ? c.value() : c.label())
                                + " [" + c.value() + "]")
                        .toList());
    }

    /** What may be typed, and what Enter does. */
    private static String allowed(Question q) {
        String enter = q.defaultValue() != null
                ? "; Enter for \"" + shown(q, q.defaultValue()) + "\""
                : q.requiredWhen() == null ? "; Enter to leave it blank" : "";
        return switch (q.type()) {
            case "choice" ->
                "(a number from 1 to " + q.choices().size() + ", the value in brackets, or a few of the answer's words"
                        + enter + ")";
            case "choices" ->
                "(any of the numbers, values or answers' words, separated by commas; Enter or \"none\" for none)";
            case "yesno" -> "(yes or no" + enter + ")";
            case "number" ->
                "(a number" + (q.min() != null && q.max() != null ? " from " + q.min() + " to " + q.max() : "") + enter
                        + ")";
            default -> "(an answer" + enter + ")";
        };
    }

    private static String shown(Question q, String value) {
        return q.choice(value).map(Choice::label).orElse("yesno".equals(q.type()) ? yesNo(value) : value);
    }

    private static String yesNo(String value) {
        return "true".equals(value) ? "yes" : "no";
    }

    /**
     * The values a line stands for: a list's numbers or values, yes or no for a yes/no question, the text itself
     * otherwise; empty when a list's answer is not one of its choices. A blank line is no value.
     */
    private static Optional<List<String>> values(Question q, String line) {
        if (line.isEmpty()) {
            return Optional.of(List.of());
        }
        switch (q.type()) {
            case "choice" -> {
                return choice(q, line).map(List::of);
            }
            case "choices" -> {
                if (TypedAnswers.none(line)) {
                    return Optional.of(List.of());
                }
                // the whole line one answer (its words may hold a comma); else each part between commas is one, or
                // numbers and values separated by spaces ("1 3")
                Optional<String> one = choice(q, line);
                if (one.isPresent()) {
                    return Optional.of(List.of(one.get()));
                }
                List<String> values = new ArrayList<>();
                for (String part : line.split(",")) {
                    Optional<String> whole = choice(q, part.strip());
                    if (whole.isPresent()) {
                        values.add(whole.get());
                        continue;
                    }
                    for (String word : part.strip().split("\\s+")) {
                        Optional<String> value = choice(q, word);
                        if (value.isEmpty()) {
                            return Optional.empty();
                        }
                        values.add(value.get());
                    }
                }
                return Optional.of(values);
            }
            case "yesno" -> {
                String word = line.toLowerCase(Locale.ROOT);
                if (List.of("y", "yes", "true").contains(word)) {
                    return Optional.of(List.of("true"));
                }
                if (List.of("n", "no", "false").contains(word)) {
                    return Optional.of(List.of("false"));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.of(List.of(line));
            }
        }
    }

    /**
     * The choice a number (1 first), a value (in any case), its words, or words found in its words alone name
     * ({@link TypedAnswers#naming}: "not ready" for "They are hurt or angry and not ready to talk").
     */
    private static Optional<String> choice(Question q, String typed) {
        List<Choice> choices = q.choices();
        if (typed.matches("\\d{1,3}")) {
            int n = Integer.parseInt(typed);
            return n >= 1 && n <= choices.size()
                    ? Optional.of(choices.get(n - 1).value())
                    : Optional.empty();
        }
        List<Choice> naming = TypedAnswers.naming(choices, typed);
        return naming.size() == 1 ? Optional.of(naming.get(0).value()) : Optional.empty();
    }
}
