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

  private AnswerSpace(List<RuleSet> rules, int[] days, int[] apologies) {
    this.relationships = values(rules, Relationship.class, "relationship");
    this.breaches = values(rules, Breach.class, "breach");
    this.disclosures = values(rules, Disclosure.class, "disclosure");
    this.days = days;
    this.apologies = apologies;
    this.safetySets = RuleSet.safetyFlagSets(rules.toArray(RuleSet[]::new));
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
