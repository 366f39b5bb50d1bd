package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Every situation the questionnaire and the API can describe, as far as the rules and the guardrails can tell them
 * apart. Within each role:
 *
 * <ul>
 *   <li>days and apologies: one value for each range between the thresholds a rule or a guardrail compares them
 *       with (a rule cannot treat two values of one range differently);
 *   <li>relationship, breach and disclosure: every value some rule or guardrail names, and one stand-in for the
 *       values none names;
 *   <li>safety flags: one set for each group of sets that no rule condition and no guardrail tells apart;
 *   <li>an answer that no rule reads for that role (a pattern that requires the other role cannot match) and no
 *       guardrail reads either: one value.
 * </ul>
 *
 * Every other answer maps to one of these situations with the same plan, up to wording ({@link #representativeOf}).
 * Situations are numbered 0 to {@link #size()}-1, so a sweep can split them between threads.
 */
public final class AnswerSpace {

    private final List<RoleSpace> roles;
    private final long size;
    /** By role index: how many values each dimension takes ({@link #sizesWithin}; read only). */
    private final int[][] sizesWithin;

    private AnswerSpace(List<RoleSpace> roles) {
        this.roles = roles;
        this.size = roles.stream().mapToLong(RoleSpace::size).sum();
        this.sizesWithin = roles.stream().map(AnswerSpace::sizesOf).toArray(int[][]::new);
    }

    /** The space the given rule sets can distinguish (one for a check, two for a diff). */
    public static AnswerSpace of(RuleSet... rules) {
        Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses = RulesRead.safetyFlagClasses(rules);
        List<RoleSpace> spaces = new ArrayList<>();
        for (Role role : Role.values()) {
            spaces.add(new RoleSpace(role, List.of(rules), safetyClasses));
        }
        return new AnswerSpace(spaces);
    }

    public long size() {
        return size;
    }

    /** The situation numbered {@code index}. */
    public Answers get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long i = index;
        for (RoleSpace space : roles) {
            if (i < space.size()) {
                return space.get(i);
            }
            i -= space.size();
        }
        throw new IllegalStateException();
    }

    /** The situation in this space that stands for any answers: same plan but for wording, same guardrail checks. */
    public Answers representativeOf(Answers a) {
        return roles.stream()
                .filter(r -> r.role == a.role())
                .findFirst()
                .orElseThrow()
                .representativeOf(a);
    }

    public int[] days() {
        return roles.get(0).days.clone();
    }

    public int[] apologies() {
        return roles.get(0).apologies.clone();
    }

    public int safetySetCount() {
        return roles.get(0).safetySets.size();
    }

    /** For each answer swept through one stand-in value, the values it stands for (per role). */
    public Map<String, List<String>> standIns() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        roles.forEach(r -> r.standIns(result));
        return result;
    }

    /** In words, for reports: what the space is made of and how large it is. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format("%,d situations", size));
        for (RoleSpace r : roles) {
            out.append(String.format("; %s: %,d = %s", r.role, r.size(), r.describe()));
        }
        return out.toString();
    }

    /** The part of the space for one role. */
    private static final class RoleSpace {
        private static final boolean[] BOTH = {false, true};
        private static final boolean[] NO = {false};

        final Role role;
        final Relationship[] relationships;
        final Breach[] breaches;
        final Readiness[] readiness;
        final int[] days;
        final TreeSet<Integer> dayCuts;
        final TreeSet<Integer> apologyCuts;
        final Disclosure[] disclosures;
        final boolean[] still;
        final boolean[] before;
        final int[] apologies;
        final boolean[] others;
        final boolean[] contact;
        /** How the other person responded: blank first (not given, or not asked), then the values tried. */
        final TheirResponse[] responses;

        final List<Set<SafetyFlag>> safetySets;
        final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses;
        final Set<String> read = new HashSet<>();

        RoleSpace(Role role, List<RuleSet> rules, Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses) {
            this.role = role;
            for (RuleSet r : rules) {
                read.addAll(RulesRead.fieldsRead(r, role));
                read.addAll(Guardrails.of(r).answersRead(role));
            }
            this.relationships = read.contains("relationship")
                    ? named(rules, Relationship.class, "relationship")
                    : new Relationship[] {Relationship.ROMANTIC};
            this.breaches =
                    read.contains("breach") ? named(rules, Breach.class, "breach") : new Breach[] {Breach.OTHER};
            // the hurt party is not asked (blank); the person who broke trust only once the other person knows: for
            // disclosure UNDISCLOSED every value tried here stands for blank (see valid), so the space stays a product
            this.readiness = role == Role.WAS_HURT
                    ? new Readiness[] {null}
                    : read.contains("readiness") ? Readiness.values() : new Readiness[] {Readiness.UNDECIDED};
            this.dayCuts =
                    read.contains("daysElapsed") ? cuts(rules, "daysElapsed", Answers.MAX_DAYS) : new TreeSet<>();
            this.days = tried(dayCuts, Answers.MAX_DAYS);
            // UNDISCLOSED blanks readiness, so it is tried on its own wherever readiness is read
            this.disclosures = read.contains("disclosure")
                    ? named(
                            rules,
                            Disclosure.class,
                            "disclosure",
                            role == Role.BROKE_TRUST && read.contains("readiness")
                                    ? EnumSet.of(Disclosure.UNDISCLOSED)
                                    : EnumSet.noneOf(Disclosure.class))
                    : new Disclosure[] {Disclosure.DISCOVERED};
            this.still = read.contains("stillHappening") ? BOTH : NO;
            this.before = read.contains("happenedBefore") ? BOTH : NO;
            this.apologyCuts = read.contains("apologiesMade")
                    ? cuts(rules, "apologiesMade", Answers.MAX_APOLOGIES)
                    : new TreeSet<>();
            this.apologies = tried(apologyCuts, Answers.MAX_APOLOGIES);
            this.others = read.contains("othersAffected") ? BOTH : NO;
            this.contact = read.contains("contactUnavoidable") ? BOTH : NO;
            List<TheirResponse> responses = new ArrayList<>();
            responses.add(null);
            if (Answers.theirResponseAsked(role) && read.contains("theirResponse")) {
                responses.addAll(Arrays.asList(named(rules, TheirResponse.class, "theirResponse")));
            }
            this.responses = responses.toArray(TheirResponse[]::new);
            this.safetyClasses = safetyClasses;
            this.safetySets = List.copyOf(new LinkedHashSet<>(safetyClasses.values()));
        }

        long size() {
            return (long) relationships.length
                    * breaches.length
                    * readiness.length
                    * days.length
                    * disclosures.length
                    * still.length
                    * before.length
                    * apologies.length
                    * others.length
                    * contact.length
                    * responses.length
                    * safetySets.size();
        }

        Answers get(long index) {
            long rest = index;
            Set<SafetyFlag> safety = safetySets.get((int) (rest % safetySets.size()));
            rest /= safetySets.size();
            boolean other = others[(int) (rest % others.length)];
            rest /= others.length;
            int apology = apologies[(int) (rest % apologies.length)];
            rest /= apologies.length;
            boolean wasBefore = before[(int) (rest % before.length)];
            rest /= before.length;
            boolean stillGoing = still[(int) (rest % still.length)];
            rest /= still.length;
            Disclosure disclosure = disclosures[(int) (rest % disclosures.length)];
            rest /= disclosures.length;
            int day = days[(int) (rest % days.length)];
            rest /= days.length;
            Readiness ready = readiness[(int) (rest % readiness.length)];
            rest /= readiness.length;
            Breach breach = breaches[(int) (rest % breaches.length)];
            rest /= breaches.length;
            Relationship relationship = relationships[(int) (rest % relationships.length)];
            rest /= relationships.length;
            boolean unavoidable = contact[(int) (rest % contact.length)];
            rest /= contact.length;
            TheirResponse response = responses[(int) rest];
            return valid(
                    role,
                    relationship,
                    breach,
                    ready,
                    day,
                    disclosure,
                    stillGoing,
                    wasBefore,
                    apology,
                    other,
                    unavoidable,
                    response,
                    safety);
        }

        Answers representativeOf(Answers a) {
            return valid(
                    role,
                    pick(relationships, a.relationship()),
                    pick(breaches, a.breach()),
                    pickReadiness(a.readiness()),
                    pickNumber(dayCuts, a.daysElapsed()),
                    pick(disclosures, a.disclosure()),
                    still.length == 1 ? still[0] : a.stillHappening(),
                    before.length == 1 ? before[0] : a.happenedBefore(),
                    pickNumber(apologyCuts, a.apologiesMade()),
                    others.length == 1 ? others[0] : a.othersAffected(),
                    contact.length == 1 ? contact[0] : a.contactUnavoidable(),
                    pick(responses, a.theirResponse()),
                    safetyClasses.get(a.safety()));
        }

        private Readiness pickReadiness(Readiness r) {
            return readiness.length == 1 ? readiness[0] : r;
        }

        /** The value itself if tried, else the stand-in (the last value, which stands for every value not named). */
        private static <E> E pick(E[] tried, E value) {
            for (E e : tried) {
                if (e == value) {
                    return e;
                }
            }
            return tried[tried.length - 1];
        }

        /**
         * The tried value in the same range between thresholds as {@code value}: the threshold at or below it, or, below
         * the first threshold, the value just under it.
         */
        private static int pickNumber(TreeSet<Integer> cuts, int value) {
            if (cuts.isEmpty()) {
                return 0;
            }
            int first = cuts.first();
            if (value < first) {
                return first - 1;
            }
            return cuts.floor(value);
        }

        /**
         * One value for each range between thresholds: the value just below the first threshold, and each threshold
         * (what {@link #pickNumber} maps every value to); just 0 when there is none. A reason that writes the number
         * itself ("3 apologies") is compared, in a diff, at the value that stands for its range.
         */
        private static int[] tried(TreeSet<Integer> cuts, int max) {
            TreeSet<Integer> values = new TreeSet<>(cuts.headSet(max, true));
            values.add(cuts.isEmpty() ? 0 : cuts.first() - 1);
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        void standIns(Map<String, List<String>> out) {
            standIn(out, "relationship", relationships, Relationship.values());
            standIn(out, "breach", breaches, Breach.values());
            standIn(out, "disclosure", disclosures, Disclosure.values());
        }

        private <E extends Enum<E>> void standIn(Map<String, List<String>> out, String field, E[] tried, E[] all) {
            if (tried.length == all.length) {
                return;
            }
            List<E> triedList = Arrays.asList(tried);
            E standIn = tried[tried.length - 1];
            List<String> covered = new ArrayList<>();
            for (E e : all) {
                if (!triedList.contains(e) || e == standIn) {
                    covered.add(e.name());
                }
            }
            out.put(role + " " + field + " " + standIn.name(), covered);
        }

        String describe() {
            return String.format(
                    "%d relationships %s × %d breaches %s × %d readiness × %d day values %s × "
                            + "%d disclosures %s × %d still happening × %d happened before × %d apology counts %s × "
                            + "%d others affected × %d contact unavoidable × %d their responses %s × "
                            + "%d sets of safety flags%s",
                    relationships.length,
                    Arrays.toString(relationships),
                    breaches.length,
                    Arrays.toString(breaches),
                    readiness.length,
                    days.length,
                    Arrays.toString(days),
                    disclosures.length,
                    Arrays.toString(disclosures),
                    still.length,
                    before.length,
                    apologies.length,
                    Arrays.toString(apologies),
                    others.length,
                    contact.length,
                    responses.length,
                    Arrays.toString(responses),
                    safetySets.size(),
                    safetySets.size() == 1 << SafetyFlag.values().length
                            ? " (all)"
                            : " (one for each group of sets that no rule or guardrail tells apart)");
        }

        /** The thresholds above 0 that any of the rule sets compares the field with. */
        private static TreeSet<Integer> cuts(List<RuleSet> rules, String field, int max) {
            TreeSet<Integer> cuts = new TreeSet<>();
            rules.forEach(r -> cuts.addAll(RulesRead.cuts(r, field, 0, max)));
            rules.forEach(r -> cuts.addAll(Guardrails.of(r).cuts(field)));
            cuts.removeIf(c -> c <= 0 || c > max);
            return cuts;
        }

        private static <E extends Enum<E>> E[] named(List<RuleSet> rules, Class<E> type, String field) {
            return named(rules, type, field, EnumSet.noneOf(type));
        }

        /** Named values (and {@code also}) in enum order, then the stand-in (the first value none names), last. */
        private static <E extends Enum<E>> E[] named(List<RuleSet> rules, Class<E> type, String field, Set<E> also) {
            EnumSet<E> named = EnumSet.noneOf(type);
            rules.forEach(r -> named.addAll(RulesRead.namedValues(r, type, field)));
            rules.forEach(r -> Guardrails.of(r).valuesNamed(field).forEach(v -> named.add(Enum.valueOf(type, v))));
            List<E> values = new ArrayList<>(named);
            EnumSet.complementOf(named).stream().findFirst().ifPresent(values::add);
            @SuppressWarnings("unchecked")
            E[] array = (E[]) java.lang.reflect.Array.newInstance(type, values.size());
            return values.toArray(array);
        }
    }

    // ---- each role's part of the space as a grid of answers, for reading a situation's value indexes and for
    // describing sets of situations (a diff's groups) by the answers they share.

    /** The answers the space varies, in the order {@link #coordinates} gives them. */
    public static final List<String> DIMENSIONS = List.of(
            "role",
            "readiness",
            "relationship",
            "breach",
            "daysElapsed",
            "disclosure",
            "stillHappening",
            "happenedBefore",
            "apologiesMade",
            "othersAffected",
            "safety",
            "contactUnavoidable",
            "theirResponse");

    /**
     * The dimensions an answer's value depends on, for the answers named: each its own, and for readiness the
     * disclosure too (readiness is blank when the other person does not know). A test that reads these answers gives
     * the same result for every situation that agrees on these dimensions.
     */
    static int[] dimensionsOf(Collection<String> fields) {
        TreeSet<Integer> dims = new TreeSet<>();
        for (String field : fields) {
            int d = DIMENSIONS.indexOf(field);
            if (d < 0) {
                throw new IllegalArgumentException("no dimension " + field);
            }
            dims.add(d);
            if (d == READINESS) {
                dims.add(DISCLOSURE);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    static final int ROLE = 0;
    static final int READINESS = 1;
    static final int DAYS = 4;
    static final int DISCLOSURE = 5;
    static final int APOLOGIES = 8;
    static final int SAFETY = 10;
    static final int CONTACT = 11;
    static final int THEIR_RESPONSE = 12;

    /** The index of the first situation of role index {@code role}. */
    long start(int role) {
        long start = 0;
        for (int r = 0; r < role; r++) {
            start += roles.get(r).size();
        }
        return start;
    }

    /**
     * The situation numbered {@code index} as one value index per dimension ({@link #DIMENSIONS} order), written into
     * {@code into} (reused, for speed over millions of situations).
     */
    void coordinates(long index, int[] into) {
        long rest = index;
        int role = 0;
        for (RoleSpace r : roles) {
            if (rest < r.size()) {
                break;
            }
            rest -= r.size();
            role++;
        }
        into[ROLE] = role;
        int[] sizes = sizesWithin[role];
        for (int d : INDEX_ORDER) {
            into[d] = (int) (rest % sizes[d]);
            rest /= sizes[d];
        }
    }

    int roleCount() {
        return roles.size();
    }

    /** The dimensions in the order a situation's index within its role is made of them, least significant first. */
    private static final int[] INDEX_ORDER = {
        SAFETY, 9, APOLOGIES, 7, 6, 5, DAYS, READINESS, 3, 2, CONTACT, THEIR_RESPONSE
    };

    /**
     * How many values each dimension takes within the part of the space for role index {@code role} (its role: 1).
     * One array for each role, shared: not to be changed.
     */
    int[] sizesWithin(int role) {
        return sizesWithin[role];
    }

    private static int[] sizesOf(RoleSpace r) {
        return new int[] {
            1,
            r.readiness.length,
            r.relationships.length,
            r.breaches.length,
            r.days.length,
            r.disclosures.length,
            r.still.length,
            r.before.length,
            r.apologies.length,
            r.others.length,
            r.safetySets.size(),
            r.contact.length,
            r.responses.length
        };
    }

    /** The situation of role index {@code role} with these value indexes ({@link #DIMENSIONS} order; role ignored). */
    Answers at(int role, int[] c) {
        RoleSpace r = roles.get(role);
        return valid(
                r.role,
                r.relationships[c[2]],
                r.breaches[c[3]],
                r.readiness[c[READINESS]],
                r.days[c[DAYS]],
                r.disclosures[c[5]],
                r.still[c[6]],
                r.before[c[7]],
                r.apologies[c[APOLOGIES]],
                r.others[c[9]],
                r.contact[c[CONTACT]],
                r.responses[c[THEIR_RESPONSE]],
                r.safetySets.get(c[SAFETY]));
    }

    /**
     * Answers as the contract allows them: readiness blank where it is not asked (the hurt party; the other person
     * does not know), their response blank where it is not asked (the person who broke trust). A value tried there
     * stands for blank, so the space stays a product of its answers.
     */
    private static Answers valid(
            Role role,
            Relationship relationship,
            Breach breach,
            Readiness readiness,
            int days,
            Disclosure disclosure,
            boolean still,
            boolean before,
            int apologies,
            boolean others,
            boolean contact,
            TheirResponse response,
            Set<SafetyFlag> safety) {
        return new Answers(
                role,
                relationship,
                breach,
                Answers.readinessAsked(role, disclosure) ? readiness : null,
                days,
                disclosure,
                still,
                before,
                apologies,
                others,
                contact,
                Answers.theirResponseAsked(role) ? response : null,
                safety);
    }

    /**
     * The values behind one value index of a dimension, in words: an enum value (or, for a stand-in, every value it
     * stands for), "blank", true or false, the set of safety flags (with how many sets it stands for), or a number.
     */
    List<String> valueWords(int role, int dimension, int value) {
        RoleSpace r = roles.get(role);
        return switch (dimension) {
            case ROLE -> List.of(Role.values()[value].name());
            case READINESS -> List.of(r.readiness[value] == null ? "blank" : r.readiness[value].name());
            case 2 -> covered(r.relationships, Relationship.values(), value);
            case 3 -> covered(r.breaches, Breach.values(), value);
            case DAYS -> List.of(Integer.toString(r.days[value]));
            case 5 -> covered(r.disclosures, Disclosure.values(), value);
            case 6, 7, 9, CONTACT -> List.of(value == 1 ? "true" : "false");
            case THEIR_RESPONSE -> List.of(r.responses[value] == null ? "blank" : r.responses[value].name());
            case APOLOGIES -> List.of(Integer.toString(r.apologies[value]));
            case SAFETY -> List.of(safetyWords(r, r.safetySets.get(value)));
            default -> throw new IllegalArgumentException("no dimension " + dimension);
        };
    }

    private static <E extends Enum<E>> List<String> covered(E[] tried, E[] all, int value) {
        E v = tried[value];
        if (tried.length == all.length || value < tried.length - 1) {
            return List.of(v.name());
        }
        List<E> triedList = Arrays.asList(tried);
        List<String> covered = new ArrayList<>();
        for (E e : all) {
            if (!triedList.contains(e) || e == v) {
                covered.add(e.name());
            }
        }
        return covered;
    }

    private static String safetyWords(RoleSpace r, Set<SafetyFlag> flags) {
        long alike = r.safetyClasses.values().stream().filter(flags::equals).count();
        String set = flags.isEmpty()
                ? "none"
                : String.join("+", flags.stream().sorted().map(Enum::name).toList());
        return alike <= 1 ? set : set + " (or any of " + alike + " sets the rules treat alike)";
    }

    /**
     * The range of values one tried number stands for: from the cut at or below it to the next cut (exclusive), for
     * {@code daysElapsed} or {@code apologiesMade}. Every value in that range gets the same plan from the rules.
     */
    int[] range(int role, int dimension, int value) {
        RoleSpace r = roles.get(role);
        int n = dimension == DAYS ? r.days[value] : r.apologies[value];
        TreeSet<Integer> cuts = new TreeSet<>(dimension == DAYS ? r.dayCuts : r.apologyCuts);
        cuts.add(0);
        int max = dimension == DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
        int from = cuts.headSet(n + 1).last();
        var above = cuts.tailSet(n + 1);
        int to = above.isEmpty() ? max : above.first() - 1;
        return new int[] {from, to};
    }
}
