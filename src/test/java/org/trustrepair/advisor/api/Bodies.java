package org.trustrepair.advisor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.trustrepair.advisor.advice.Answers;
import org.trustrepair.advisor.advice.AnswersReader;
import org.trustrepair.advisor.advice.Breach;
import org.trustrepair.advisor.advice.Disclosure;
import org.trustrepair.advisor.advice.Readiness;
import org.trustrepair.advisor.advice.Relationship;
import org.trustrepair.advisor.advice.Role;
import org.trustrepair.advisor.advice.SafetyFlag;
import org.trustrepair.advisor.advice.TheirResponse;

/**
 * Generated request bodies for {@code POST /api/advice}, each with what the contract promises for it: a plan for
 * valid answers, a 400 naming each broken field, or at least a clean refusal for anything else.
 *
 * <p>A plain generator over a source of {@link Choices}: {@link #any(Choices)} draws one body. The choices come
 * from a seeded random source, where each body gets its own from {@link #random(long, String, long)} so that one body
 * can be made again from its seed, run and index alone, or from the bytes Jazzer mutates
 * ({@link Choices#of(com.code_intelligence.jazzer.api.FuzzedDataProvider)}). Every generator ends whatever the
 * source answers: none loops until a choice comes out differently.
 */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENUM_FIELDS =
            List.of("role", "relationship", "breach", "readiness", "disclosure", "theirResponse");
    private static final List<String> NUMBER_FIELDS = List.of("daysElapsed", "apologiesMade");
    private static final List<String> BOOLEAN_FIELDS =
            List.of("stillHappening", "happenedBefore", "othersAffected", "contactUnavoidable");
    /** The start of answers that are valid as far as they go, for the hostile shapes that add to them. */
    private static final String VALID_START =
            "{\"relationship\":\"ROMANTIC\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":";

    /** Every kind of body {@link #any(Choices)} makes (a run should see each of them). */
    static final List<String> KINDS = List.of(
            "valid",
            "broken",
            "mangled",
            "deep-array",
            "deep-object",
            "deep-in-answer",
            "long-string",
            "long-name",
            "huge-number",
            "odd-number",
            "odd-top",
            "random-bytes",
            "random-text",
            "many-fields",
            "many-flags",
            "content-type");

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
    record Body(
            String kind, byte[] bytes, String contentType, Expect expect, Set<String> badFields, Set<String> secrets) {

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return kind + " " + contentType + " " + expect + " " + badFields + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text);
        }
    }

    /**
     * The random source for body {@code index} of a run ({@code "mockmvc"}, {@code "http"}) under {@code seed}: the
     * same three give the same body, whatever came before it.
     */
    static Choices random(long seed, String run, long index) {
        long start = new SplittableRandom(seed * 31 + run.hashCode()).nextLong();
        return Choices.of(new SplittableRandom(start + index));
    }

    /** Everything: valid answers, answers with broken fields, mangled JSON, hostile shapes, odd content types. */
    static Body any(Choices random) {
        return weighted(
                random,
                List.of(
                        weight(1, Bodies::valid),
                        weight(5, Bodies::broken),
                        weight(3, Bodies::mangled),
                        weight(3, Bodies::hostile),
                        weight(1, Bodies::oddContentType)));
    }

    // ---- valid answers

    static Map<String, Object> validAnswers(Choices random) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Role role = orNull(random, 0.3, () -> pick(random, List.of(Role.values())));
        put(answers, "role", role == null ? null : role.name());
        put(
                answers,
                "relationship",
                pick(random, List.of(Relationship.values())).name());
        put(answers, "breach", pick(random, List.of(Breach.values())).name());
        Disclosure disclosure = orNull(random, 0.3, () -> pick(random, List.of(Disclosure.values())));
        // readiness is required of the person who broke trust once the other knows, and refused otherwise
        Readiness readiness = Answers.readinessAsked(role, disclosure == null ? Disclosure.DISCOVERED : disclosure)
                ? pick(random, List.of(Readiness.values()))
                : null;
        put(answers, "readiness", readiness == null ? null : readiness.name());
        put(answers, "daysElapsed", days(random));
        put(answers, "disclosure", disclosure == null ? null : disclosure.name());
        put(answers, "stillHappening", yesNo(random));
        put(answers, "happenedBefore", yesNo(random));
        put(answers, "apologiesMade", orNull(random, 0.3, () -> apologies(random)));
        put(answers, "othersAffected", yesNo(random));
        put(answers, "contactUnavoidable", yesNo(random));
        TheirResponse response = Answers.theirResponseAsked(role)
                ? orNull(random, 0.3, () -> pick(random, List.of(TheirResponse.values())))
                : null;
        put(answers, "theirResponse", response == null ? null : response.name());
        Set<SafetyFlag> flags = orNull(random, 0.3, () -> safetyFlags(random));
        if (flags != null) {
            answers.put("safety", flags.stream().map(Enum::name).toList());
        }
        return answers;
    }

    /** Mostly the first year, sometimes anywhere in range, sometimes a boundary. */
    private static int days(Choices random) {
        return weighted(
                random,
                List.of(
                        weight(3, r -> r.nextInt(0, 401)),
                        weight(1, r -> r.nextInt(0, 36_501)),
                        weight(1, r -> pick(r, List.of(0, 1, 7, 30, 31, 90, 365, 36_499, 36_500)))));
    }

    private static int apologies(Choices random) {
        return weighted(random, List.of(weight(4, r -> r.nextInt(0, 6)), weight(1, r -> r.nextInt(0, 1_001))));
    }

    private static Boolean yesNo(Choices random) {
        return orNull(random, 0.3, random::nextBoolean);
    }

    /** Up to five distinct flags (there are five), each drawn from those not yet drawn. */
    private static Set<SafetyFlag> safetyFlags(Choices random) {
        List<SafetyFlag> left = new ArrayList<>(List.of(SafetyFlag.values()));
        Set<SafetyFlag> flags = new LinkedHashSet<>();
        for (int size = random.nextInt(0, left.size() + 1); flags.size() < size; ) {
            flags.add(left.remove(random.nextInt(left.size())));
        }
        return flags;
    }

    private static void put(Map<String, Object> answers, String field, Object value) {
        if (value != null) {
            answers.put(field, value);
        }
    }

    static Body valid(Choices random) {
        return json("valid", validAnswers(random), Expect.PLAN, Set.of(), Set.of());
    }

    // ---- valid-looking answers with one to three broken fields

    /** A change that breaks one field, and the field name the 400 must carry. */
    private record Breakage(String field, Object value, boolean remove, Set<String> secrets) {}

    static Body broken(Choices random) {
        Map<String, Object> body = new LinkedHashMap<>(validAnswers(random));
        int count = random.nextInt(1, 4);
        Set<String> bad = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            Breakage b = breakage(random);
            if (bad.contains(b.field())
                    || bad.stream().anyMatch(f -> f.startsWith(b.field() + "["))
                    || (b.field().startsWith("safety[") && bad.contains("safety"))) {
                continue; // one breakage per field, so the expectation stays exact
            }
            if (b.remove()) {
                body.remove(b.field());
            } else if (b.field().startsWith("safety[")) {
                List<Object> flags = new ArrayList<>(Arrays.asList(SafetyFlag.values()).subList(0, 2).stream()
                        .map(Enum::name)
                        .toList());
                flags.add(b.value());
                body.put("safety", flags);
            } else {
                body.put(b.field(), b.value());
            }
            bad.add(b.field());
            secrets.addAll(b.secrets());
        }
        return json("broken", body, Expect.FIELDS, bad, secrets);
    }

    private static Breakage breakage(Choices random) {
        return oneOf(
                random,
                List.of(
                        // an enum answer with a value outside its list, or of the wrong type
                        r -> wrongValue(pick(r, ENUM_FIELDS), wrongEnumValue(r)),
                        // a number out of range, fractional, as text, or of another type
                        r -> wrongValue(pick(r, NUMBER_FIELDS), wrongNumber(r)),
                        // a yes/no answer as text, a number, a list
                        r -> wrongValue(pick(r, BOOLEAN_FIELDS), wrongBoolean(r)),
                        // safety not a list, or a list with an unknown flag (reported by index)
                        Bodies::wrongSafety,
                        // a field the contract does not know
                        r -> new Breakage(unknownFieldName(r), "UNDECIDED", false, Set.of()),
                        // a required answer left out
                        r -> new Breakage(
                                pick(r, List.of("relationship", "breach", "daysElapsed")), null, true, Set.of())));
    }

    private record Wrong(Object value, Set<String> secrets) {
        Wrong(Object value) {
            this(value, Set.of());
        }
    }

    private static Breakage wrongValue(String field, Wrong wrong) {
        return new Breakage(field, wrong.value(), false, wrong.secrets());
    }

    private static Wrong wrongEnumValue(Choices random) {
        return oneOf(
                random,
                List.of(
                        r -> {
                            String secret = secret(r);
                            return new Wrong(secret, Set.of(secret));
                        },
                        r -> new Wrong(pick(
                                r,
                                List.of(
                                        "romantic",
                                        "Romantic",
                                        " ROMANTIC",
                                        "ROMANTIC ",
                                        "INFIDELITY\u0000",
                                        "BROKE-TRUST",
                                        "WAS_HURT\n",
                                        "ÉTÉ",
                                        "0",
                                        "true",
                                        "null"))),
                        r -> new Wrong(anyInt(r)),
                        r -> new Wrong(r.nextBoolean()),
                        r -> new Wrong(pick(r, List.of(List.of("ROMANTIC"), List.of(), Map.of("value", "ROMANTIC"))))));
    }

    private static Wrong wrongNumber(Choices random) {
        return oneOf(
                random,
                List.of(
                        r -> new Wrong(r.nextBoolean() ? r.nextInt(-1_000, 0) : r.nextInt(Integer.MIN_VALUE, 0)),
                        r -> new Wrong(
                                r.nextBoolean() ? r.nextLong(36_501, 1_000_000) : r.nextLong(36_501, Long.MAX_VALUE)),
                        r -> new Wrong(
                                (long) pick(r, List.of(-1, 36_501, 100_000, Integer.MAX_VALUE, Integer.MIN_VALUE))
                                        * 1_000),
                        r -> new Wrong(fraction(r)),
                        // (blank text counts as not answered, so it is not here)
                        r -> new Wrong(pick(r, List.of("12", "ten", "1e3", "0x10", "-", "½"))),
                        r -> new Wrong(pick(r, List.of(true, List.of(1), Map.of("days", 1))))));
    }

    /** A number of days with a fractional part, to two places, within range otherwise. */
    private static double fraction(Choices random) {
        int hundredths = random.nextInt(1, 3_600_000);
        return (hundredths % 100 == 0 ? hundredths + 1 : hundredths) / 100.0;
    }

    private static Wrong wrongBoolean(Choices random) {
        return oneOf(
                random,
                List.of(
                        r -> new Wrong(pick(r, List.of("yes", "true", "false", "no", "1", ""))),
                        r -> new Wrong(r.nextInt(-2, 3)),
                        r -> new Wrong(pick(r, List.of(List.of(true), Map.of("value", true))))));
    }

    private static Breakage wrongSafety(Choices random) {
        return oneOf(
                random,
                List.of(
                        r -> new Breakage("safety", pick(r, List.of("ORDER_AGAINST_ME", "", "[]")), false, Set.of()),
                        r -> new Breakage(
                                "safety",
                                pick(r, List.of(1, true, Map.of("flag", "ORDER_AGAINST_ME"))),
                                false,
                                Set.of()),
                        r -> {
                            String secret = secret(r);
                            return new Breakage("safety[2]", secret, false, Set.of(secret));
                        },
                        r -> new Breakage("safety[2]", pick(r, List.of(7, false, "order_against_me")), false, Set.of()),
                        // a flag of the first version, which does not say who is at risk from whom
                        r -> new Breakage(
                                "safety[2]",
                                pick(r, List.copyOf(new TreeSet<>(SafetyFlag.REPLACED.keySet()))),
                                false,
                                Set.of())));
    }

    /** A name the contract does not know, printable, so the 400 names it as sent. */
    private static String unknownFieldName(Choices random) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
        String name = "x" + text(random, chars, 1, 30);
        return AnswersReader.FIELDS.contains(name) ? name + "_" : name; // (no answer's name starts with x)
    }

    /** A distinctive value that must never come back. */
    static String secret(Choices random) {
        return "ZQ" + text(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 6, 12) + "QZ";
    }

    // ---- JSON mangled: cut short, a character changed, inserted or removed, quotes changed

    static Body mangled(Choices random) {
        String json = write(validAnswers(random));
        int at = random.nextInt(0, json.length() + 1);
        char c = anyChar(random);
        String mangled = switch (random.nextInt(0, 5)) {
            case 0 -> json.substring(0, at); // cut
            case 1 -> json.substring(0, at) + c + json.substring(at); // insert
            case 2 -> at < json.length() ? json.substring(0, at) + c + json.substring(at + 1) : json + c; // replace
            case 3 -> at < json.length() ? json.substring(0, at) + json.substring(at + 1) : ""; // delete
            default -> json.replace("\"", at % 2 == 0 ? "'" : ""); // quotes changed or dropped
        };
        return new Body(
                "mangled",
                mangled.getBytes(StandardCharsets.UTF_8),
                "application/json",
                Expect.ANYTHING_CLEAN,
                Set.of(),
                Set.of());
    }

    // ---- hostile shapes: deep nesting, long strings, huge numbers, odd tops, bytes that are not UTF-8

    static Body hostile(Choices random) {
        return oneOf(
                random,
                List.of(
                        Bodies::deepArray,
                        Bodies::deepObject,
                        Bodies::deepInAnswer,
                        Bodies::longString,
                        Bodies::longName,
                        Bodies::hugeNumber,
                        Bodies::oddNumber,
                        Bodies::oddTop,
                        Bodies::randomBytes,
                        Bodies::randomText,
                        Bodies::manyFields,
                        Bodies::manyFlags));
    }

    private static Body deepArray(Choices random) {
        int depth = size(random, 1, 3_000);
        return raw("deep-array", "[".repeat(depth) + "]".repeat(depth));
    }

    private static Body deepObject(Choices random) {
        int depth = size(random, 1, 2_000);
        return raw("deep-object", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    private static Body deepInAnswer(Choices random) {
        int depth = size(random, 1, 2_000);
        return raw("deep-in-answer", VALID_START + "1,\"safety\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    private static Body longString(Choices random) {
        int length = size(random, 0, 40_000);
        String value = String.valueOf(anyChar(random)).repeat(length);
        return raw(
                "long-string",
                "{\"relationship\":\"" + value
                        + "\",\"breach\":\"OTHER\",\"readiness\":\"UNDECIDED\",\"daysElapsed\":1}");
    }

    private static Body longName(Choices random) {
        return raw("long-name", "{\"" + "n".repeat(size(random, 1, 500)) + "\":1}");
    }

    private static Body hugeNumber(Choices random) {
        return raw("huge-number", VALID_START + "1" + digits(random, size(random, 1, 2_000)) + "}");
    }

    private static Body oddNumber(Choices random) {
        String number = pick(
                random,
                List.of(
                        "1e400",
                        "-1e400",
                        "1E-400",
                        "NaN",
                        "Infinity",
                        "-0",
                        "0.0",
                        "1.0",
                        "99999999999999999999",
                        "123456789012345678901234567890",
                        "0001",
                        "1_000"));
        return raw("odd-number", VALID_START + number + "}");
    }

    private static Body oddTop(Choices random) {
        return raw(
                "odd-top",
                pick(
                        random,
                        List.of(
                                "",
                                " ",
                                "null",
                                "true",
                                "0",
                                "\"ROMANTIC\"",
                                "[]",
                                "[{}]",
                                "{}",
                                "{}{}",
                                "{\"a\":1}]",
                                "\uFEFF{}",
                                "/* c */ {}",
                                "{\"relationship\":\"ROMANTIC\",}",
                                "\u0000",
                                "{\"\\u0000\":1}",
                                "{\"relationship\":\"\\ud800\"}")));
    }

    private static Body randomBytes(Choices random) {
        byte[] bytes = new byte[random.nextInt(0, 201)];
        random.nextBytes(bytes);
        return new Body("random-bytes", bytes, "application/json", Expect.ANYTHING_CLEAN, Set.of(), Set.of());
    }

    private static Body randomText(Choices random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 301);
        for (int i = 0; i < length; i++) {
            text.append(anyChar(random));
        }
        return raw("random-text", text.toString());
    }

    private static Body manyFields(Choices random) {
        int n = size(random, 1, 5_000);
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return raw("many-fields", b.append('}').toString());
    }

    private static Body manyFlags(Choices random) {
        int n = size(random, 1, 5_000);
        return raw(
                "many-flags",
                VALID_START + "1,\"safety\":[" + String.join(",", Collections.nCopies(n, "\"ORDER_AGAINST_ME\""))
                        + "]}");
    }

    // ---- the right answers under the wrong content type

    private static final List<String> ODD_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json;charset=UTF-16",
            "application/json;charset=ISO-8859-1",
            "application/json;charset=nonsense",
            "application/*",
            "*/*",
            "application/problem+json",
            "application/vnd.api+json",
            "",
            "application/json; q=0.1",
            "*",
            "text/*",
            "application/*+json",
            "multipart/*",
            "foo",
            "application/",
            "/json",
            "application/json; charset=",
            "application/json, text/plain",
            "application/json; boundary=\"");

    static Body oddContentType(Choices random) {
        Map<String, Object> answers = validAnswers(random);
        return new Body(
                "content-type",
                write(answers).getBytes(StandardCharsets.UTF_8),
                pick(random, ODD_CONTENT_TYPES),
                Expect.ANYTHING_CLEAN,
                Set.of(),
                Set.of());
    }

    // ---- choosing

    /** One way to make a value, and how often to take it. */
    private record Weighted<T>(int weight, Function<Choices, T> make) {}

    private static <T> Weighted<T> weight(int weight, Function<Choices, T> make) {
        return new Weighted<>(weight, make);
    }

    /** A value from one of the options, each taken in proportion to its weight. */
    private static <T> T weighted(Choices random, List<Weighted<T>> options) {
        int total = options.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted<T> option : options) {
            roll -= option.weight();
            if (roll < 0) {
                return option.make().apply(random);
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A value from one of the options, all equally likely. */
    private static <T> T oneOf(Choices random, List<Function<Choices, T>> options) {
        return pick(random, options).apply(random);
    }

    static <T> T pick(Choices random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code null} with the given probability, otherwise a made value. */
    private static <T> T orNull(Choices random, double probability, Supplier<T> make) {
        return random.nextDouble() < probability ? null : make.get();
    }

    /** Any int, small ones as often as the rest. */
    private static int anyInt(Choices random) {
        return random.nextBoolean() ? random.nextInt(-100, 101) : random.nextInt();
    }

    /**
     * A size from {@code min} to {@code max}, every order of magnitude as likely as the next, so that both sides of
     * each request limit (nesting 32, numbers 20 digits, names 200, 16 KB) come up often.
     */
    private static int size(Choices random, int min, int max) {
        double scale = Math.log1p(max - min);
        return Math.min(max, min + (int) Math.round(Math.expm1(random.nextDouble() * scale)));
    }

    /** Any UTF-16 unit, lone surrogates and controls included. */
    private static char anyChar(Choices random) {
        return (char) random.nextInt(Character.MAX_VALUE + 1);
    }

    private static String text(Choices random, String chars, int minLength, int maxLength) {
        return text(random, chars, random.nextInt(minLength, maxLength + 1));
    }

    private static String digits(Choices random, int length) {
        return text(random, "0123456789", length);
    }

    private static String text(Choices random, String chars, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    // ----

    private static Body json(
            String kind, Map<String, Object> body, Expect expect, Set<String> bad, Set<String> secrets) {
        return new Body(kind, write(body).getBytes(StandardCharsets.UTF_8), "application/json", expect, bad, secrets);
    }

    private static Body raw(String kind, String text) {
        return new Body(
                kind,
                text.getBytes(StandardCharsets.UTF_8),
                "application/json",
                Expect.ANYTHING_CLEAN,
                Set.of(),
                Set.of());
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
