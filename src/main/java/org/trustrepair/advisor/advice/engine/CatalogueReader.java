package org.trustrepair.advisor.advice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.Track;

/**
 * Reads the texts of a rules folder (advice.yaml, helplines.yaml, sources.yaml, plan.yaml, questionnaire.yaml) into a
 * {@link Catalogue}, naming every problem with its file: a text without a title or detail, an unknown kind of act, a
 * help line not listed, a questionnaire that does not cover the contract's values.
 */
final class CatalogueReader {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CatalogueReader() {}

    private record AdviceYaml(String title, String detail, List<String> kinds, List<String> helplines) {}

    private record HelplineYaml(String region, String name, String contact) {}

    private record PlanYaml(String disclaimer, Map<Phase, String> phases, Map<Track, String> tracks) {}

    /** The texts of a rules folder; what is wrong with them added to {@code problems}. */
    static Catalogue read(RuleFiles files, List<RuleProblem> problems) {
        Map<String, Catalogue.AdviceText> advice = new TreeMap<>();
        Map<String, List<Helpline>> helplines = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        String disclaimer = null;
        Map<Phase, String> phases = new EnumMap<>(Phase.class);
        Map<Track, String> tracks = new EnumMap<>(Track.class);
        Questionnaire questionnaire = null;
        for (RuleFiles.RuleFile f : files.files()) {
            if (!f.isYaml()) {
                continue;
            }
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            try {
                switch (name) {
                    case "advice.yaml" -> {
                        Map<String, AdviceYaml> entries = YAML.readValue(f.content(), new TypeReference<>() {});
                        if (entries == null) {
                            break;
                        }
                        entries.forEach((id, e) -> {
                            if (advice.containsKey(id)) {
                                problems.add(RuleProblem.of(
                                        f.path(),
                                        0,
                                        "The text for \"" + id + "\" is also in "
                                                + advice.get(id).file() + "."));
                            }
                            if (e == null
                                    || e.title() == null
                                    || e.title().isBlank()
                                    || e.detail() == null
                                    || e.detail().isBlank()) {
                                problems.add(
                                        RuleProblem.of(f.path(), 0, "\"" + id + "\" needs both a title and a detail."));
                                return;
                            }
                            for (String kind : e.kinds() == null ? List.<String>of() : e.kinds()) {
                                if (!RuleSetBuilder.KINDS.contains(kind)) {
                                    problems.add(new RuleProblem(
                                            f.path(),
                                            0,
                                            "\"" + id + "\" has unknown kind \"" + kind + "\".",
                                            "Known kinds: " + String.join(", ", new TreeSet<>(RuleSetBuilder.KINDS))
                                                    + "."));
                                }
                            }
                            advice.put(
                                    id,
                                    new Catalogue.AdviceText(
                                            e.title().trim(), e.detail().trim(), e.kinds(), e.helplines(), f.path()));
                        });
                    }
                    case "helplines.yaml" -> {
                        Map<String, List<HelplineYaml>> entries = YAML.readValue(f.content(), new TypeReference<>() {});
                        entries.forEach((need, list) -> helplines.put(
                                need,
                                list.stream()
                                        .map(h -> new Helpline(need, h.region(), h.name(), h.contact()))
                                        .toList()));
                    }
                    case "sources.yaml" ->
                        sources.putAll(YAML.readValue(f.content(), new TypeReference<Map<String, String>>() {}));
                    case "plan.yaml" -> {
                        PlanYaml plan = YAML.readValue(f.content(), PlanYaml.class);
                        disclaimer = plan.disclaimer();
                        if (plan.phases() != null) {
                            phases.putAll(plan.phases());
                        }
                        if (plan.tracks() != null) {
                            tracks.putAll(plan.tracks());
                        }
                    }
                    case "questionnaire.yaml" -> questionnaire = YAML.readValue(f.content(), Questionnaire.class);
                    default ->
                        problems.add(
                                new RuleProblem(
                                        f.path(),
                                        0,
                                        "This file name means nothing to the advisor.",
                                        "Text files are named advice.yaml, helplines.yaml, sources.yaml, plan.yaml or questionnaire.yaml."));
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.add(new RuleProblem(
                        f.path(),
                        line,
                        "This file cannot be read: " + e.getOriginalMessage(),
                        "Check the indentation and that every text with a colon is in quotes."));
            } catch (java.io.IOException e) {
                problems.add(RuleProblem.of(f.path(), 0, "This file cannot be read: " + e.getMessage()));
            }
        }
        if (disclaimer == null || disclaimer.isBlank()) {
            problems.add(new RuleProblem(
                    "plan.yaml",
                    0,
                    "The disclaimer is missing.",
                    "Every plan must say it is general information, not therapy or legal advice."));
        }
        for (Phase phase : Phase.values()) {
            if (phases.get(phase) == null || phases.get(phase).isBlank()) {
                problems.add(RuleProblem.of("plan.yaml", 0, "The phase " + phase + " has no name under phases."));
            }
        }
        for (Track track : Track.values()) {
            if (tracks.get(track) == null || tracks.get(track).isBlank()) {
                problems.add(RuleProblem.of("plan.yaml", 0, "The track " + track + " has no sentence under tracks."));
            }
        }
        if (questionnaire == null) {
            problems.add(RuleProblem.of("questionnaire.yaml", 0, "The questionnaire is missing."));
            questionnaire = new Questionnaire(null, null, List.of());
        } else {
            checkQuestionnaire(questionnaire, problems);
        }
        advice.forEach((id, text) -> text.helplines().forEach(need -> {
            if (!helplines.containsKey(need)) {
                problems.add(RuleProblem.of(
                        text.file(),
                        0,
                        "\"" + id + "\" shows help lines \"" + need + "\", which helplines.yaml does not list."));
            }
        }));
        return new Catalogue(advice, helplines, sources, disclaimer, phases, tracks, questionnaire);
    }

    /** The questionnaire must ask every field of the contract and offer exactly the contract's values. */
    private static void checkQuestionnaire(Questionnaire q, List<RuleProblem> problems) {
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "role",
                Role.class,
                "relationship",
                Relationship.class,
                "breach",
                Breach.class,
                "readiness",
                Readiness.class,
                "disclosure",
                Disclosure.class,
                "safety",
                SafetyFlag.class);
        for (String field : PlanMaker.FIELDS) {
            var question = q.question(field);
            if (question.isEmpty()) {
                problems.add(RuleProblem.of("questionnaire.yaml", 0, "No question asks for \"" + field + "\"."));
                continue;
            }
            Class<? extends Enum<?>> type = enums.get(field);
            if (type != null) {
                List<String> expected = Arrays.stream(type.getEnumConstants())
                        .map(Enum::name)
                        .sorted()
                        .toList();
                List<String> offered = question.get().choices().stream()
                        .map(Questionnaire.Choice::value)
                        .sorted()
                        .toList();
                if (!expected.equals(offered)) {
                    problems.add(RuleProblem.of(
                            "questionnaire.yaml",
                            0,
                            "The question \"" + field + "\" offers " + offered + " but the answers allow " + expected
                                    + "."));
                }
            }
        }
    }
}
