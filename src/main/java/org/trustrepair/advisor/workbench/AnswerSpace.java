package org.trustrepair.advisor.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.trustrepair.advisor.advice.engine.RuleSet;

/**
 * Every situation the questionnaire and the API can describe, as far as the rules can tell them apart: every value of
 * every enum and boolean, every set of safety flags, readiness left blank for the hurt party, and for days and
 * apologies both ends of each range the rules treat alike (so no value in between can behave differently).
 *
 * <p>Situations are numbered 0 to {@link #size()}-1, so a sweep can split them between threads.
 */
public final class AnswerSpace {

  private static final boolean[] BOOLS = {false, true};

  private final Relationship[] relationships;
  private final Breach[] breaches;
  private final Disclosure[] disclosures;
  private final int[] days;
  private final int[] apologies;
  private final List<Set<SafetyFlag>> safetySets;
  private final Readiness[] brokeTrustReadiness;
  private final Readiness[] hurtReadiness;
  private final long perRoleUnit;
  private final long brokeTrustSize;
  private final long size;

  private final java.util.SortedSet<Integer> dayCuts;
  private final java.util.SortedSet<Integer> apologyCuts;
  private final Map<Set<SafetyFlag>, Set<SafetyFlag>> safetyClasses;

  private AnswerSpace(List<RuleSet> rules, int[] days, int[] apologies) {
    this.dayCuts = cuts(rules, "daysElapsed", Answers.MAX_DAYS);
    this.apologyCuts = cuts(rules, "apologiesMade", Answers.MAX_APOLOGIES);
    this.safetyClasses = RuleSet.safetyFlagClasses(rules.toArray(RuleSet[]::new));
    this.relationships = values(rules, Relationship.class, "relationship");
    this.breaches = values(rules, Breach.class, "breach");
    this.disclosures = values(rules, Disclosure.class, "disclosure");
    this.days = days;
    this.apologies = apologies;
    // one stand-in per class, in the order the classes are found (as RuleSet.safetyFlagSets gives them)
    this.safetySets = List.copyOf(new java.util.LinkedHashSet<>(safetyClasses.values()));
    // the guardrails look at every readiness, so all of them are tried whatever the rules name
    this.brokeTrustReadiness = Readiness.values();
    List<Readiness> hurt = new ArrayList<>(Arrays.asList(Readiness.values()));
    hurt.add(null);
    this.hurtReadiness = hurt.toArray(Readiness[]::new);
    this.perRoleUnit = (long) relationships.length * breaches.length * days.length * disclosures.length * 2 * 2
        * apologies.length * 2 * safetySets.size();
    this.brokeTrustSize = perRoleUnit * brokeTrustReadiness.length;
    this.size = brokeTrustSize + perRoleUnit * hurtReadiness.length;
  }

  /**
   * The space the given rule sets can distinguish (one for a check, two for a diff): for days and apologies, both
   * sides of every threshold any of them uses; for relationship, breach and disclosure, every value any of them
   * names, plus one to stand for the values none names.
   */
  public static AnswerSpace of(RuleSet... rules) {
    var days = new TreeSet<Integer>();
    var apologies = new TreeSet<Integer>();
    for (RuleSet r : rules) {
      days.addAll(r.valuesToTry("daysElapsed", 0, Answers.MAX_DAYS));
      apologies.addAll(r.valuesToTry("apologiesMade", 0, Answers.MAX_APOLOGIES));
    }
    return new AnswerSpace(List.of(rules), toArray(days), toArray(apologies));
  }

  private static java.util.SortedSet<Integer> cuts(List<RuleSet> rules, String field, int max) {
    var cuts = new TreeSet<Integer>();
    rules.forEach(r -> cuts.addAll(r.cuts(field, 0, max)));
    return java.util.Collections.unmodifiableSortedSet(cuts);
  }

  /** Named values in enum order, then the stand-in (the first value none names), last. */
  private static <E extends Enum<E>> E[] values(List<RuleSet> rules, Class<E> type, String field) {
    EnumSet<E> named = EnumSet.noneOf(type);
    rules.forEach(r -> named.addAll(r.namedValues(type, field)));
    List<E> values = new ArrayList<>(named);
    EnumSet.complementOf(named).stream().findFirst().ifPresent(values::add);
    @SuppressWarnings("unchecked")
    E[] array = (E[]) java.lang.reflect.Array.newInstance(type, values.size());
    return values.toArray(array);
  }

  /** For each answer swept by one stand-in value, the values it stands for (empty when every value is tried). */
  public Map<String, List<String>> standIns() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    standIn(result, "relationship", relationships, Relationship.values());
    standIn(result, "breach", breaches, Breach.values());
    standIn(result, "disclosure", disclosures, Disclosure.values());
    return result;
  }

  private static <E extends Enum<E>> void standIn(Map<String, List<String>> out, String field, E[] tried, E[] all) {
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
    out.put(field + " " + standIn.name(), covered);
  }

  public long size() {
    return size;
  }

  public int[] days() {
    return days.clone();
  }

  public int[] apologies() {
    return apologies.clone();
  }

  public int safetySetCount() {
    return safetySets.size();
  }

  /** The situation numbered {@code index}. */
  public Answers get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    Role role;
    Readiness readiness;
    long rest;
    if (index < brokeTrustSize) {
      role = Role.BROKE_TRUST;
      readiness = brokeTrustReadiness[(int) (index / perRoleUnit)];
      rest = index % perRoleUnit;
    } else {
      long i = index - brokeTrustSize;
      role = Role.WAS_HURT;
      readiness = hurtReadiness[(int) (i / perRoleUnit)];
      rest = i % perRoleUnit;
    }
    Set<SafetyFlag> safety = safetySets.get((int) (rest % safetySets.size()));
    rest /= safetySets.size();
    boolean others = BOOLS[(int) (rest % 2)];
    rest /= 2;
    int apology = apologies[(int) (rest % apologies.length)];
    rest /= apologies.length;
    boolean before = BOOLS[(int) (rest % 2)];
    rest /= 2;
    boolean still = BOOLS[(int) (rest % 2)];
    rest /= 2;
    Disclosure disclosure = disclosures[(int) (rest % disclosures.length)];
    rest /= disclosures.length;
    int day = days[(int) (rest % days.length)];
    rest /= days.length;
    Breach breach = breaches[(int) (rest % breaches.length)];
    rest /= breaches.length;
    Relationship relationship = relationships[(int) rest];
    return new Answers(role, relationship, breach, readiness, day, disclosure, still, before, apology, others, safety);
  }

  // ---- the space as a grid, for describing sets of situations (a diff's groups) by the answers they share

  /** The answers the space varies, in the order {@link #coordinates} gives them. */
  public static final List<String> DIMENSIONS = List.of("role", "readiness", "relationship", "breach", "daysElapsed",
      "disclosure", "stillHappening", "happenedBefore", "apologiesMade", "othersAffected", "safety");

  static final int ROLE = 0;
  static final int READINESS = 1;
  static final int DAYS = 4;
  static final int APOLOGIES = 8;
  static final int SAFETY = 10;

  /** How many values each dimension takes; readiness counts blank as its last value (the hurt party only). */
  int[] dimensionSizes() {
    return new int[] {2, hurtReadiness.length, relationships.length, breaches.length, days.length, disclosures.length,
        2, 2, apologies.length, 2, safetySets.size()};
  }

  /**
   * The situation numbered {@code index} as one value index per dimension ({@link #DIMENSIONS} order), written into
   * {@code into} (reused, for speed over millions of situations).
   */
  void coordinates(long index, int[] into) {
    long rest;
    if (index < brokeTrustSize) {
      into[ROLE] = 0;
      into[READINESS] = (int) (index / perRoleUnit);
      rest = index % perRoleUnit;
    } else {
      long i = index - brokeTrustSize;
      into[ROLE] = 1;
      into[READINESS] = (int) (i / perRoleUnit);
      rest = i % perRoleUnit;
    }
    into[SAFETY] = (int) (rest % safetySets.size());
    rest /= safetySets.size();
    into[9] = (int) (rest % 2);
    rest /= 2;
    into[APOLOGIES] = (int) (rest % apologies.length);
    rest /= apologies.length;
    into[7] = (int) (rest % 2);
    rest /= 2;
    into[6] = (int) (rest % 2);
    rest /= 2;
    into[5] = (int) (rest % disclosures.length);
    rest /= disclosures.length;
    into[DAYS] = (int) (rest % days.length);
    rest /= days.length;
    into[3] = (int) (rest % breaches.length);
    rest /= breaches.length;
    into[2] = (int) rest;
  }

  /** Whether a readiness value index can go with a role index (blank only for the hurt party). */
  boolean validReadiness(int role, int readiness) {
    return role == 1 || readiness < brokeTrustReadiness.length;
  }

  /**
   * The values behind one value index of a dimension, in words: an enum value (or, for a stand-in, every value it
   * stands for), "blank", true or false, the set of safety flags (with how many sets it stands for), or a number.
   */
  List<String> valueWords(int dimension, int value) {
    return switch (dimension) {
      case ROLE -> List.of(Role.values()[value].name());
      case READINESS -> List.of(value < Readiness.values().length ? Readiness.values()[value].name() : "blank");
      case 2 -> covered(relationships, Relationship.values(), value);
      case 3 -> covered(breaches, Breach.values(), value);
      case DAYS -> List.of(Integer.toString(days[value]));
      case 5 -> covered(disclosures, Disclosure.values(), value);
      case 6, 7, 9 -> List.of(value == 1 ? "true" : "false");
      case APOLOGIES -> List.of(Integer.toString(apologies[value]));
      case SAFETY -> List.of(safetyWords(safetySets.get(value)));
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

  private String safetyWords(Set<SafetyFlag> flags) {
    long alike = safetyClasses.values().stream().filter(flags::equals).count();
    String set = flags.isEmpty() ? "none"
        : String.join("+", flags.stream().sorted().map(Enum::name).toList());
    return alike <= 1 ? set : set + " (or any of " + alike + " sets the rules treat alike)";
  }

  /**
   * The range of values one tried number stands for: from the cut at or below it to the next cut (exclusive), for
   * {@code daysElapsed} or {@code apologiesMade}. Every value in that range gets the same plan from the rules.
   */
  int[] range(int dimension, int value) {
    int n = dimension == DAYS ? days[value] : apologies[value];
    var cuts = dimension == DAYS ? dayCuts : apologyCuts;
    int max = dimension == DAYS ? Answers.MAX_DAYS : Answers.MAX_APOLOGIES;
    int from = cuts.headSet(n + 1).last();
    var above = cuts.tailSet(n + 1);
    int to = above.isEmpty() ? max : above.first() - 1;
    return new int[] {from, to};
  }

  /** In words, for reports: what the space is made of and how large it is. */
  public String describe() {
    return String.format("%,d situations: 2 roles × %d relationships %s × %d breaches %s × readiness (6, plus "
        + "blank for the hurt party) × %d day values %s × %d disclosures %s × still happening × happened before × "
        + "%d apology counts %s × others affected × %d sets of safety flags %s%s", size, relationships.length,
        Arrays.toString(relationships), breaches.length, Arrays.toString(breaches), days.length,
        Arrays.toString(days), disclosures.length, Arrays.toString(disclosures), apologies.length,
        Arrays.toString(apologies), safetySets.size(), safetySets.size() == 32 ? "(all of them)"
            : "(one for each group of sets that neither the rules nor the guardrails tell apart)",
        standIns().isEmpty() ? ""
            : "; values no rule names are tried through one stand-in: " + standIns());
  }

  private static int[] toArray(Collection<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  static boolean[] bools() {
    return BOOLS.clone();
  }
}
