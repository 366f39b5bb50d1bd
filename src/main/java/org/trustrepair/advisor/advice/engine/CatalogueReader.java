package org.trustrepair.advisor.advice.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustrepair.advisor.advice.AdvicePlan.Helpline;
import org.trustrepair.advisor.advice.Phase;
import org.trustrepair.advisor.advice.Questionnaire;
import org.trustrepair.advisor.advice.RuleProblem;
import org.trustrepair.advisor.advice.Track;

/**
 * Reads the counsellors' texts beside the rules into a {@link Catalogue}: {@code advice.yaml} (one per folder),
 * {@code helplines.yaml}, {@code sources.yaml}, {@code plan.yaml} and {@code questionnaire.yaml}, and says what is
 * missing from them (a disclaimer, a phase's name, a text without its title, an unknown kind).
 */
final class CatalogueReader {

    private static final ObjectMapper YAML = YamlErrors.mapper();

    private CatalogueReader() {}

    private record AdviceYaml(String title, String detail, List<String> kinds, List<String> helplines) {}

    private record HelplineYaml(String region, String name, String contact) {}

    /** {@code format} is read by {@link RuleFormat}. */
    private record PlanYaml(
            Integer format,
            String disclaimer,
            Map<Phase, String> phases,
            Map<Phase, String> phasesForTheHurtParty,
            Map<Track, String> tracks,
            List<String> helplinesWithoutAPlan) {}

    /** The texts of the rules; a file that cannot be read goes to {@code unreadable}, and no check across files runs. */
    static Catalogue read(RuleFiles files, List<RuleProblem> problems, List<RuleProblem> unreadable) {
        Map<String, Catalogue.AdviceText> advice = new TreeMap<>();
        Map<String, List<Helpline>> helplines = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        String disclaimer = null;
        // rules written before plan.yaml named them (an older revision read by diff) keep the groups shown then
        List<String> withoutAPlan = List.of("emergency", "crisis", "abuse");
        Map<Phase, String> phases = new EnumMap<>(Phase.class);
        Map<Phase, String> hurtPartyPhases = new EnumMap<>(Phase.class);
        Map<Track, String> tracks = new EnumMap<>(Track.class);
        Questionnaire questionnaire = null;
        for (RuleFiles.RuleFile f : files.files()) {
            if (!f.isYaml()) {
                continue;
            }
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            problems.addAll(YamlErrors.strayQuotes(f.path(), f.text()));
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
                                if (!Catalogue.KINDS.contains(kind)) {
                                    problems.add(new RuleProblem(
                                            f.path(),
                                            0,
                                            "\"" + id + "\" has unknown kind \"" + kind + "\".",
                                            "Known kinds: " + String.join(", ", new TreeSet<>(Catalogue.KINDS)) + "."));
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
                        if (plan.helplinesWithoutAPlan() != null) {
                            withoutAPlan = List.copyOf(plan.helplinesWithoutAPlan());
                        }
                        if (plan.phases() != null) {
                            phases.putAll(plan.phases());
                        }
                        if (plan.phasesForTheHurtParty() != null) {
                            hurtPartyPhases.putAll(plan.phasesForTheHurtParty());
                        }
                        if (plan.tracks() != null) {
                            tracks.putAll(plan.tracks());
                        }
                    }
                    case "questionnaire.yaml" -> questionnaire = YAML.readValue(f.content(), Questionnaire.class);
                    case "guardrails.yaml" -> {
                        // the promises the proof checks every plan against: read by the proof, not by the engine
                    }
                    default ->
                        problems.add(new RuleProblem(
                                f.path(),
                                0,
                                "This file name means nothing to the advisor.",
                                "Text files are named advice.yaml, helplines.yaml, sources.yaml, plan.yaml, questionnaire.yaml or "
                                        + "guardrails.yaml."));
                }
            } catch (JsonProcessingException e) {
                unreadable.add(YamlErrors.explain(f.path(), f.text(), e));
            } catch (IOException e) {
                unreadable.add(RuleProblem.of(f.path(), 0, "This file cannot be read: " + e.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            return new Catalogue(
                    advice,
                    helplines,
                    withoutAPlan,
                    sources,
                    disclaimer,
                    phases,
                    hurtPartyPhases,
                    tracks,
                    questionnaire == null ? new Questionnaire(null, null, List.of()) : questionnaire);
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
        hurtPartyPhases.forEach((phase, name) -> {
            if (name == null || name.isBlank()) {
                problems.add(RuleProblem.of(
                        "plan.yaml",
                        0,
                        "The phase " + phase + " has no name under phasesForTheHurtParty: give it one, or remove the"
                                + " line to use its name under phases."));
            }
        });
        for (Track track : Track.values()) {
            if (tracks.get(track) == null || tracks.get(track).isBlank()) {
                problems.add(RuleProblem.of("plan.yaml", 0, "The track " + track + " has no sentence under tracks."));
            }
        }
        if (questionnaire == null) {
            problems.add(RuleProblem.of("questionnaire.yaml", 0, "The questionnaire is missing."));
            questionnaire = new Questionnaire(null, null, List.of());
        } else {
            QuestionnaireCheck.check(questionnaire, problems);
        }
        advice.forEach((id, text) -> text.helplines().forEach(need -> {
            if (!helplines.containsKey(need)) {
                problems.add(RuleProblem.of(
                        text.file(),
                        0,
                        "\"" + id + "\" shows help lines \"" + need + "\", which helplines.yaml does not list."));
            }
        }));
        if (withoutAPlan.isEmpty()) {
            problems.add(new RuleProblem(
                    "plan.yaml",
                    0,
                    "helplinesWithoutAPlan is empty.",
                    "A page that can make no plan still shows help lines: list their groups from helplines.yaml, such as"
                            + " helplinesWithoutAPlan: [emergency, crisis, abuse]."));
        }
        for (String group : withoutAPlan) {
            if (!helplines.containsKey(group)) {
                problems.add(new RuleProblem(
                        "plan.yaml",
                        0,
                        "helplinesWithoutAPlan names \"" + group + "\", which helplines.yaml does not list.",
                        "Groups in helplines.yaml: " + String.join(", ", helplines.keySet()) + "."));
            }
        }
        return new Catalogue(
                advice, helplines, withoutAPlan, sources, disclaimer, phases, hurtPartyPhases, tracks, questionnaire);
    }
}
