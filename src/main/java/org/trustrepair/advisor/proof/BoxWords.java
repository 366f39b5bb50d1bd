package org.trustrepair.advisor.proof;

import java.util.BitSet;
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

    /** Some value indexes of the safety answers (not all): the sets of flags they stand for. */
    String safety(int role, BitSet values);

    /**
     * What a line adds after an answer (days) in a situation where the other person does not know, so that the
     * question reads as the page means it then; empty when nothing.
     */
    default String untold(int role, int dimension) {
        return "";
    }

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
            public String safety(int role, BitSet values) {
                List<String> sets = values.stream()
                        .mapToObj(v ->
                                space.valueWords(role, AnswerSpace.SAFETY, v).get(0))
                        .toList();
                int all = space.sizesWithin(role)[AnswerSpace.SAFETY];
                if (sets.size() == all - 1 && !sets.contains("none")) {
                    return "any flag set";
                }
                return sets.size() > Boxes.MAX_SAFETY_SETS
                        ? "any of " + sets.size() + " sets of answers, among them " + sets.get(0)
                        : Boxes.oneOf(sets);
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
