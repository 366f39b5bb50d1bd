package org.trustrepair.advisor.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.random.RandomGenerator;

/**
 * Where {@link Bodies} takes its choices from: a seeded {@link RandomGenerator} (the same bodies on every run) or
 * Jazzer's {@link FuzzedDataProvider} (the bytes libFuzzer mutates, guided by coverage). Bounds are as in
 * {@link RandomGenerator}: origin inclusive, bound exclusive.
 *
 * <p>A provider that has run out of bytes answers each choice with its smallest value ({@code false}, the origin,
 * {@code 0.0}, zero bytes), so a generator must end for any source: no loop may wait for a choice to change.
 */
interface Choices {

    /** From {@code 0} (inclusive) to {@code bound} (exclusive). */
    int nextInt(int bound);

    int nextInt(int origin, int bound);

    /** Any int. */
    int nextInt();

    long nextLong(long origin, long bound);

    /** From {@code 0.0} to {@code 1.0}. */
    double nextDouble();

    boolean nextBoolean();

    void nextBytes(byte[] bytes);

    static Choices of(RandomGenerator random) {
        return new Choices() {
            @Override
            public int nextInt(int bound) {
                return random.nextInt(bound);
            }

            @Override
            public int nextInt(int origin, int bound) {
                return random.nextInt(origin, bound);
            }

            @Override
            public int nextInt() {
                return random.nextInt();
            }

            @Override
            public long nextLong(long origin, long bound) {
                return random.nextLong(origin, bound);
            }

            @Override
            public double nextDouble() {
                return random.nextDouble();
            }

            @Override
            public boolean nextBoolean() {
                return random.nextBoolean();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }

            @Override
            public String toString() {
                return random.toString();
            }
        };
    }

    static Choices of(FuzzedDataProvider data) {
        return new Choices() {
            @Override
            public int nextInt(int bound) {
                return nextInt(0, bound);
            }

            @Override
            public int nextInt(int origin, int bound) {
                return (int) within(data.consumeInt(origin, bound - 1), origin, bound);
            }

            @Override
            public int nextInt() {
                return data.consumeInt();
            }

            @Override
            public long nextLong(long origin, long bound) {
                return within(data.consumeLong(origin, bound - 1), origin, bound);
            }

            @Override
            public double nextDouble() {
                return data.consumeProbabilityDouble();
            }

            @Override
            public boolean nextBoolean() {
                return data.consumeBoolean();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] made = data.consumeBytes(bytes.length); // fewer when the input runs out: the rest stay zero
                System.arraycopy(made, 0, bytes, 0, made.length);
            }
        };
    }

    /**
     * The value itself when it lies from {@code origin} to {@code bound} (exclusive), else one that does. Jazzer 0.24's
     * {@code consumeInt(Integer.MIN_VALUE, -1)} can answer 0 (its range overflows), which made a "negative" number of
     * apologies valid (the input is kept in BadInputFuzzTestInputs/jazzer and replayed on every run).
     */
    private static long within(long value, long origin, long bound) {
        return value >= origin && value < bound ? value : origin + Math.floorMod(value - origin, bound - origin);
    }
}
