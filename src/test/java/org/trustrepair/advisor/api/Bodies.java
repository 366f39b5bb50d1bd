package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;

/**
 * Generated request bodies for {@code POST /api/advice}, each with what the contract promises for it: a plan for
 * valid answers, a 400 naming each broken field, or at least a clean refusal for anything else.
 */
final class Bodies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ENUM_FIELDS = List.of("role", "relationship", "breach", "readiness",
      "disclosure");
  private static final List<String> NUMBER_FIELDS = List.of("daysElapsed", "apologiesMade");
  private static final List<String> BOOLEAN_FIELDS = List.of("stillHappening", "happenedBefore", "othersAffected");

  private Bodies() {}

  /** What the response must be. */
  enum Expect {
    /** 200 with a plan. */
    PLAN,
    /** 400 whose errors name at least {@link Body#badFields()}. */
    FIELDS,
    /** Some 4xx problem (or, for a mangled body that happens to still be valid, a plan). */
    ANYTHING_CLEAN
  }

  /**
   * One generated request. {@code secrets} are values sent that must never come back in a response (answers are
   * never echoed).
   */
  record Body(String kind, byte[] bytes, String contentType, Expect expect, Set<String> badFields,
      Set<String> secrets) {

    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return kind + " " + contentType + " " + expect + " " + badFields + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text);
    }
  }

  /** Everything: valid answers, answers with broken fields, mangled JSON, hostile shapes, odd content types. */
  static Arbitrary<Body> any() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, valid()),
        net.jqwik.api.Tuple.of(5, broken()),
        net.jqwik.api.Tuple.of(3, mangled()),
        net.jqwik.api.Tuple.of(3, hostile()),
        net.jqwik.api.Tuple.of(1, oddContentType()));
  }

  // ---- valid answers

  static Arbitrary<Map<String, Object>> validAnswers() {
    Arbitrary<Role> role = Arbitraries.of(Role.class).injectNull(0.3);
    Arbitrary<Relationship> relationship = Arbitraries.of(Relationship.class);
    Arbitrary<Breach> breach = Arbitraries.of(Breach.class);
    Arbitrary<Readiness> readiness = Arbitraries.of(Readiness.class).injectNull(0.2);
    Arbitrary<Integer> days = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 400)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 36_500)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 7, 30, 31, 90, 365, 36_499, 36_500)));
    Arbitrary<Disclosure> disclosure = Arbitraries.of(Disclosure.class).injectNull(0.3);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.3);
    Arbitrary<Integer> apologies = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 5)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1_000))).injectNull(0.3);
    Arbitrary<Set<SafetyFlag>> safety = Arbitraries.of(SafetyFlag.class).set().ofMaxSize(5).injectNull(0.3);
    Arbitrary<Boolean> stillHappening = flag;
    List<Arbitrary<Object>> all = List.of(role.asGeneric(), relationship.asGeneric(), breach.asGeneric(),
        readiness.asGeneric(), days.asGeneric(), disclosure.asGeneric(), stillHappening.asGeneric(),
        flag.asGeneric(), apologies.asGeneric(), flag.asGeneric(), safety.asGeneric());
    return Combinators.combine(all).as(values -> {
          Map<String, Object> answers = new LinkedHashMap<>();
          Role r = (Role) values.get(0);
          put(answers, "role", r == null ? null : r.name());
          put(answers, "relationship", ((Relationship) values.get(1)).name());
          put(answers, "breach", ((Breach) values.get(2)).name());
          Readiness readinessValue = (Readiness) values.get(3);
          if (readinessValue == null && r != Role.WAS_HURT) {
            readinessValue = Readiness.UNDECIDED; // required unless the person was hurt
          }
          put(answers, "readiness", readinessValue == null ? null : readinessValue.name());
          put(answers, "daysElapsed", values.get(4));
          Disclosure d = (Disclosure) values.get(5);
          put(answers, "disclosure", d == null ? null : d.name());
          put(answers, "stillHappening", values.get(6));
          put(answers, "happenedBefore", values.get(7));
          put(answers, "apologiesMade", values.get(8));
          put(answers, "othersAffected", values.get(9));
          @SuppressWarnings("unchecked")
          Set<SafetyFlag> flags = (Set<SafetyFlag>) values.get(10);
          if (flags != null) {
            answers.put("safety", flags.stream().map(Enum::name).toList());
          }
          return answers;
        });
  }

  private static void put(Map<String, Object> answers, String field, Object value) {
    if (value != null) {
      answers.put(field, value);
    }
  }

  static Arbitrary<Body> valid() {
    return validAnswers().map(answers -> json("valid", answers, Expect.PLAN, Set.of(), Set.of()));
  }

  // ---- valid-looking answers with one to three broken fields

  /** A change that breaks one field, and the field name the 400 must carry. */
  private record Breakage(String field, Object value, boolean remove, Set<String> secrets) {}

  static Arbitrary<Body> broken() {
    return Combinators.combine(validAnswers(), breakage().list().ofMinSize(1).ofMaxSize(3))
        .as((answers, breakages) -> {
          Map<String, Object> body = new LinkedHashMap<>(answers);
          Set<String> bad = new LinkedHashSet<>();
          Set<String> secrets = new LinkedHashSet<>();
          for (Breakage b : breakages) {
            if (bad.contains(b.field()) || bad.stream().anyMatch(f -> f.startsWith(b.field() + "["))
                || (b.field().startsWith("safety[") && bad.contains("safety"))) {
              continue; // one breakage per field, so the expectation stays exact
            }
            if (b.remove()) {
              body.remove(b.field());
            } else if (b.field().startsWith("safety[")) {
              List<Object> flags = new ArrayList<>(Arrays.asList(SafetyFlag.values()).subList(0, 2).stream()
                  .map(Enum::name).toList());
              flags.add(b.value());
              body.put("safety", flags);
            } else {
              body.put(b.field(), b.value());
            }
            bad.add(b.field());
            secrets.addAll(b.secrets());
          }
          return json("broken", body, Expect.FIELDS, bad, secrets);
        });
  }

  private static Arbitrary<Breakage> breakage() {
    return Arbitraries.oneOf(
        // an enum answer with a value outside its list, or of the wrong type
        Combinators.combine(Arbitraries.of(ENUM_FIELDS), wrongEnumValue())
            .as((field, value) -> new Breakage(field, value.value(), false, value.secrets())),
        // a number out of range, fractional, as text, or of another type
        Combinators.combine(Arbitraries.of(NUMBER_FIELDS), wrongNumber())
            .as((field, value) -> new Breakage(field, value.value(), false, value.secrets())),
        // a yes/no answer as text, a number, a list
        Combinators.combine(Arbitraries.of(BOOLEAN_FIELDS), wrongBoolean())
            .as((field, value) -> new Breakage(field, value.value(), false, value.secrets())),
        // safety not a list, or a list with an unknown flag (reported by index)
        wrongSafety(),
        // a field the contract does not know
        unknownFieldName().map(name -> new Breakage(name, "UNDECIDED", false, Set.of())),
        // a required answer left out
        Arbitraries.of("relationship", "breach", "daysElapsed")
            .map(field -> new Breakage(field, null, true, Set.of())));
  }

  private record Wrong(Object value, Set<String> secrets) {}

  private static Arbitrary<Wrong> wrongEnumValue() {
    return Arbitraries.oneOf(
        secret().map(s -> new Wrong(s, Set.of(s))),
        Arbitraries.of("romantic", "Romantic", " ROMANTIC", "ROMANTIC ", "INFIDELITY\u0000", "BROKE-TRUST",
            "WAS_HURT\n", "ÉTÉ", "0", "true", "null").map(s -> new Wrong(s, Set.of())),
        Arbitraries.integers().map(i -> new Wrong(i, Set.of())),
        Arbitraries.of(true, false).map(b -> new Wrong(b, Set.of())),
        Arbitraries.of(List.of("ROMANTIC"), List.of(), Map.of("value", "ROMANTIC"))
            .map(v -> new Wrong(v, Set.of())));
  }

  private static Arbitrary<Wrong> wrongNumber() {
    return Arbitraries.oneOf(
        Arbitraries.integers().lessOrEqual(-1).map(i -> new Wrong(i, Set.of())),
        Arbitraries.longs().greaterOrEqual(36_501).map(l -> new Wrong(l, Set.of())),
        Arbitraries.of(-1, 36_501, 100_000, Integer.MAX_VALUE, Integer.MIN_VALUE)
            .map(i -> new Wrong((long) i * 1_000, Set.of())),
        Arbitraries.doubles().between(0.01, 36_000).filter(d -> d != Math.rint(d))
            .map(d -> new Wrong(d, Set.of())),
        // (blank text counts as not answered, so it is not here)
        Arbitraries.of("12", "ten", "1e3", "0x10", "-", "½").map(s -> new Wrong(s, Set.of())),
        Arbitraries.of(true, List.of(1), Map.of("days", 1)).map(v -> new Wrong(v, Set.of())));
  }

  private static Arbitrary<Wrong> wrongBoolean() {
    return Arbitraries.oneOf(
        Arbitraries.of("yes", "true", "false", "no", "1", "").map(s -> new Wrong(s, Set.of())),
        Arbitraries.integers().between(-2, 2).map(i -> new Wrong(i, Set.of())),
        Arbitraries.of(List.of(true), Map.of("value", true)).map(v -> new Wrong(v, Set.of())));
  }

  private static Arbitrary<Breakage> wrongSafety() {
    return Arbitraries.oneOf(
        Arbitraries.of("PROTECTIVE_ORDER", "", "[]").map(s -> new Breakage("safety", s, false, Set.of())),
        Arbitraries.of(1, true, Map.of("flag", "PROTECTIVE_ORDER"))
            .map(v -> new Breakage("safety", v, false, Set.of())),
        secret().map(s -> new Breakage("safety[2]", s, false, Set.of(s))),
        Arbitraries.of(7, false, "protective_order").map(v -> new Breakage("safety[2]", v, false, Set.of())));
  }

  /** A name the contract does not know, printable, so the 400 names it as sent. */
  private static Arbitrary<String> unknownFieldName() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars('_').ofMinLength(1).ofMaxLength(30).map(s -> "x" + s)
        .filter(name -> !AnswersReader.FIELDS.contains(name));
  }

  /** A distinctive value that must never come back. */
  static Arbitrary<String> secret() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(6).ofMaxLength(12).map(s -> "ZQ" + s + "QZ");
  }

  // ---- JSON mangled: cut short, a character changed, inserted or removed

  static Arbitrary<Body> mangled() {
    Arbitrary<String> text = validAnswers().map(Bodies::write);
    return Combinators.combine(text, Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 4),
        Arbitraries.chars().all()).as((json, where, how, c) -> {
          int at = Math.min(where, json.length());
          String mangled = switch (how) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + c + json.substring(at);
            case 2 -> at < json.length() ? json.substring(0, at) + c + json.substring(at + 1) : json + c;
            case 3 -> at < json.length() ? json.substring(0, at) + json.substring(at + 1) : "";
            default -> json.replace("\"", at % 2 == 0 ? "'" : "");
          };
          return new Body("mangled", mangled.getBytes(StandardCharsets.UTF_8), "application/json",
              Expect.ANYTHING_CLEAN, Set.of(), Set.of());
        });
  }

  // ---- hostile shapes: deep nesting, long strings, huge numbers, odd tops, bytes that are not UTF-8

  static Arbitrary<Body> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 3_000).map(depth -> raw("deep-array",
            "[".repeat(depth) + "]".repeat(depth))),
        Arbitraries.integers().between(1, 2_000).map(depth -> raw("deep-object",
            "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
        Arbitraries.integers().between(1, 2_000).map(depth -> raw("deep-in-answer",
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1,"
                + "\"safety\":" + "[".repeat(depth) + "]".repeat(depth) + "}")),
        Combinators.combine(Arbitraries.integers().between(0, 40_000), Arbitraries.chars().all())
            .as((length, c) -> raw("long-string", "{\"relationship\":\"" + String.valueOf(c).repeat(length)
                + "\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1}")),
        Arbitraries.integers().between(1, 500).map(length -> raw("long-name",
            "{\"" + "n".repeat(length) + "\":1}")),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(2_000).map(digits -> raw("huge-number",
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1"
                + digits + "}")),
        Arbitraries.of("1e400", "-1e400", "1E-400", "NaN", "Infinity", "-0", "0.0", "1.0", "99999999999999999999",
            "123456789012345678901234567890", "0001", "1_000").map(n -> raw("odd-number",
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":" + n
                + "}")),
        Arbitraries.of("", " ", "null", "true", "0", "\"ROMANTIC\"", "[]", "[{}]", "{}", "{}{}", "{\"a\":1}]",
            "\uFEFF{}", "/* c */ {}", "{\"relationship\":\"ROMANTIC\",}", "\u0000", "{\"\\u0000\":1}",
            "{\"relationship\":\"\\ud800\"}").map(s -> raw("odd-top", s)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> new Body("random-bytes", b,
            "application/json", Expect.ANYTHING_CLEAN, Set.of(), Set.of())),
        Arbitraries.strings().all().ofMaxLength(300).map(s -> raw("random-text", s)),
        Arbitraries.integers().between(1, 5_000).map(n -> raw("many-fields", manyFields(n))),
        Arbitraries.integers().between(1, 5_000).map(n -> raw("many-flags",
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1,"
                + "\"safety\":[" + String.join(",", java.util.Collections.nCopies(n, "\"PROTECTIVE_ORDER\""))
                + "]}")));
  }

  private static String manyFields(int n) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    return b.append('}').toString();
  }

  // ---- the right answers under the wrong content type

  static Arbitrary<Body> oddContentType() {
    return Combinators.combine(validAnswers(), Arbitraries.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;charset=UTF-16",
            "application/json;charset=ISO-8859-1", "application/json;charset=nonsense", "application/*", "*/*",
            "application/problem+json", "application/vnd.api+json", "", "application/json; q=0.1", "*", "text/*",
            "application/*+json", "multipart/*", "foo", "application/", "/json", "application/json; charset=",
            "application/json, text/plain", "application/json; boundary=\""))
        .as((answers, type) -> new Body("content-type", write(answers).getBytes(StandardCharsets.UTF_8), type,
            Expect.ANYTHING_CLEAN, Set.of(), Set.of()));
  }

  // ----

  private static Body json(String kind, Map<String, Object> body, Expect expect, Set<String> bad,
      Set<String> secrets) {
    return new Body(kind, write(body).getBytes(StandardCharsets.UTF_8), "application/json", expect, bad, secrets);
  }

  private static Body raw(String kind, String text) {
    return new Body(kind, text.getBytes(StandardCharsets.UTF_8), "application/json", Expect.ANYTHING_CLEAN,
        Set.of(), Set.of());
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
