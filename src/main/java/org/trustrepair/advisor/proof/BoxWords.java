package org.trustrepair.advisor.proof;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How a box's answers are said: by the contract's names ({@link #codes}, for tests and logs of the proof), or in
 * the questionnaire's words ({@link DiffWords}).
 */
interface BoxWords {
    /** The name of an answer (a dimension of the space) for someone in role index {@code role}. */
    String answer(int role, int dimension);

    /** One value index of a choice or yes/no answer, in words: each value it stands for. */
    List<String> value(int role, int dimension, int value);

    /** One value index of the safety answers: the set of flags it stands for. */
    String safety(int role, int value);

    /** Every set of safety answers but the empty one. */
    String anySafety();

    /** Days or apologies, as ranges ("14–89 or 365 or more"), in words. */
    String number(int dimension, String ranges);

    /** The dimensions in the order a line names them. */
    List<Integer> order();

    /** The contract's names: {@code readiness NEEDS_SPACE}, {@code safety none}. */
    static BoxWords codes(AnswerSpace space) {
        return new BoxWords() {
            @Override
            public String answer(int role, int dimension) {
                return AnswerSpace.DIMENSIONS.get(dimension);
            }

            @Override
            public List<String> value(int role, int dimension, int value) {
                return space.valueWords(role, dimension, value);
            }

            @Override
            public String safety(int role, int value) {
                return space.valueWords(role, AnswerSpace.SAFETY, value).get(0);
            }

            @Override
            public String anySafety() {
                return "any flag set";
            }

            @Override
            public String number(int dimension, String ranges) {
                return ranges;
            }

            @Override
            public List<Integer> order() {
                return IntStream.range(0, AnswerSpace.DIMENSIONS.size()).boxed().toList();
            }
        };
    }
}
