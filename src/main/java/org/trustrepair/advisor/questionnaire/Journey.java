package org.trustrepair.advisor.questionnaire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.FieldProblem;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Questionnaire.Question;

/**
 * The answers given so far, as the form carried them, and the way through the questionnaire they open: which
 * questions apply (the definition's {@code askedWhen}), which comes next or before, and whether an answer is valid
 * ({@link AnswersReader}, so that the page and the API agree on what is valid).
 *
 * <p>{@code given} maps each answered question (by its id: the field's name unless several questions answer one
 * field, as the safety questions do) to what was entered, in questionnaire order. An answered question may have no
 * value: a question left blank takes its default, and no box ticked means none. Special-category data: never log it.
 *
 * <p>Public for the one other walk through the questionnaire, {@code ./advisor ask} in the terminal.
 */
public record Journey(Questionnaire questionnaire, Map<String, List<String>> given) {

    /** The form field naming the questions already answered, so that "answered, left blank" survives a round trip. */
    static final String ANSWERED = "answered";

    private static final int MAX_VALUE_LENGTH = 40;
    private static final String CHOICES = "choices";

    public Journey {
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** A hidden form field carrying an earlier answer in the body of the next POST. */
    record Hidden(String name, String value) {}

    public static Journey start(Questionnaire questionnaire) {
        return new Journey(questionnaire, Map.of());
    }

    /**
     * The answers a form carried: every field listed as answered, plus {@code current}, the question the form was on.
     * Values are trimmed and bounded; answers to questions that no longer apply are dropped.
     */
    static Journey from(Questionnaire questionnaire, MultiValueMap<String, String> form, String current) {
        Set<String> answered = new LinkedHashSet<>(form.getOrDefault(ANSWERED, List.of()));
        if (current != null) {
            answered.add(current);
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            if (answered.contains(question.id())) {
                given.put(question.id(), values(question, form.getOrDefault(question.id(), List.of())));
            }
        }
        return new Journey(questionnaire, given).withoutAnswersThatNoLongerApply();
    }

    private static List<String> values(Question question, List<String> raw) {
        List<String> kept = raw.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v)
                .distinct()
                .toList();
        int most =
                CHOICES.equals(question.type()) ? Math.max(1, question.choices().size()) : 1;
        return kept.stream().limit(most).toList();
    }

    /**
     * These answers with {@code raw} entered for the question {@code id} (trimmed and bounded as a form's are), without
     * the answers to questions that no longer apply.
     */
    public Journey answer(String id, List<String> raw) {
        Question question = questionnaire.byId(id).orElseThrow(() -> new IllegalArgumentException("no question " + id));
        Map<String, List<String>> next = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            if (q.id().equals(id)) {
                next.put(id, values(question, raw));
            } else if (given.containsKey(q.id())) {
                next.put(q.id(), given.get(q.id()));
            }
        }
        return new Journey(questionnaire, next).withoutAnswersThatNoLongerApply();
    }

    private Journey withoutAnswersThatNoLongerApply() {
        Map<String, Object> effective = effective();
        Map<String, List<String>> kept = new LinkedHashMap<>(given);
        questionnaire.questions().stream().filter(q -> !q.appliesTo(effective)).forEach(q -> kept.remove(q.id()));
        return kept.size() == given.size() ? this : new Journey(questionnaire, kept);
    }

    /**
     * Each field's answer, or its default when not answered: what {@code askedWhen} is checked against. A field that
     * several lists answer holds what was ticked on all of them.
     */
    Map<String, Object> effective() {
        Map<String, Object> effective = new HashMap<>();
        for (Question question : questionnaire.questions()) {
            List<String> values = given.getOrDefault(question.id(), List.of());
            if (CHOICES.equals(question.type())) {
                @SuppressWarnings("unchecked")
                List<String> sofar = (List<String>) effective.computeIfAbsent(question.field(), f -> new ArrayList<>());
                sofar.addAll(values);
            } else if (!values.isEmpty()) {
                effective.put(question.field(), values.get(0));
            } else if (question.defaultValue() != null) {
                effective.put(question.field(), question.defaultValue());
            }
        }
        return effective;
    }

    /** The questions that apply, in order, given the answers so far. */
    List<Question> applicable() {
        Map<String, Object> effective = effective();
        return questionnaire.questions().stream()
                .filter(q -> q.appliesTo(effective))
                .toList();
    }

    /** The question with this id. */
    Optional<Question> question(String id) {
        return id == null ? Optional.empty() : questionnaire.byId(id);
    }

    boolean applies(String id) {
        return applicable().stream().anyMatch(q -> q.id().equals(id));
    }

    boolean answered(String id) {
        return given.containsKey(id);
    }

    List<String> values(String id) {
        return given.getOrDefault(id, List.of());
    }

    /** The question in the words for the role answered so far ({@code textFor}, {@code helpFor}). */
    public Question worded(Question question) {
        return question.worded(effective().get("role"));
    }

    public Optional<Question> first() {
        return applicable().stream().findFirst();
    }

    Optional<Question> last() {
        List<Question> applicable = applicable();
        return applicable.isEmpty() ? Optional.empty() : Optional.of(applicable.get(applicable.size() - 1));
    }

    /** The next question that applies after the question {@code id}, in the definition's order. */
    public Optional<Question> after(String id) {
        return applicableAfter(id).stream().findFirst();
    }

    /** The next question after {@code field} that applies and has not been answered: after a change, only what is new. */
    Optional<Question> unansweredAfter(String field) {
        return applicableAfter(field).stream().filter(q -> !answered(q.id())).findFirst();
    }

    /** The question that applies before {@code field}, in the definition's order. */
    Optional<Question> before(String field) {
        int at = indexOf(field);
        List<Question> earlier =
                applicable().stream().filter(q -> indexOf(q.id()) < at).toList();
        return earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1));
    }

    private List<Question> applicableAfter(String field) {
        int at = indexOf(field);
        return applicable().stream().filter(q -> indexOf(q.id()) > at).toList();
    }

    private int indexOf(String id) {
        List<Question> all = questionnaire.questions();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code field} stands among the questions that apply (1 first), and how many apply. */
    public int position(String field) {
        List<Question> applicable = applicable();
        for (int i = 0; i < applicable.size(); i++) {
            if (applicable.get(i).id().equals(field)) {
                return i + 1;
            }
        }
        return 0;
    }

    public int total() {
        return applicable().size();
    }

    /** The answers that apply, as the JSON the API would take (scalars as text, read leniently). */
    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Question question : applicable()) {
            List<String> values = given.getOrDefault(question.id(), List.of());
            if (CHOICES.equals(question.type())) {
                ArrayNode array = node.has(question.field())
                        ? (ArrayNode) node.get(question.field())
                        : node.putArray(question.field());
                values.forEach(array::add);
            } else if (!values.isEmpty()) {
                node.put(question.field(), values.get(0));
            }
        }
        return node;
    }

    /** Reads the answers with the same reader as the API; either answers or what is wrong with them. */
    public AnswersReader.Result read() {
        return AnswersReader.textual().read(json());
    }

    /**
     * What is wrong with the answer to the question {@code id} (to its field), if anything; problems with questions not
     * yet asked are ignored.
     */
    public List<FieldProblem> problemsWith(String id) {
        String field = question(id).map(Question::field).orElse(id);
        return read().problems().stream().filter(p -> fieldOf(p).equals(field)).toList();
    }

    /** The field a problem is about ({@code safety[2]} is about {@code safety}). */
    static String fieldOf(FieldProblem problem) {
        int bracket = problem.field().indexOf('[');
        return bracket < 0 ? problem.field() : problem.field().substring(0, bracket);
    }

    /** The earlier answers as hidden fields, leaving out {@code except} (the question on the page, which has its own). */
    List<Hidden> hidden(String except) {
        List<Hidden> hidden = new ArrayList<>();
        given.forEach((id, values) -> {
            if (!id.equals(except)) {
                hidden.add(new Hidden(ANSWERED, id));
                values.forEach(v -> hidden.add(new Hidden(id, v)));
            }
        });
        return hidden;
    }

    List<Hidden> hidden() {
        return hidden(null);
    }

    /** Every question that applies, with what was answered, for the check-your-answers page. */
    List<AnswerRow> rows() {
        return applicable().stream()
                .map(q -> AnswerRow.of(worded(q), given.getOrDefault(q.id(), List.of())))
                .toList();
    }

    @Override
    public String toString() {
        return "Journey[redacted]";
    }
}
