package org.trustrepair.advisor.advice;

/**
 * Something wrong with a rule set, located in a file of the rules folder (line 0 when no line applies), said in plain
 * words, with a hint where one helps.
 */
public record RuleProblem(String file, int line, String message, String hint) {

    public static RuleProblem of(String file, int line, String message) {
        return new RuleProblem(file, line, message, null);
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": " + message + (hint == null ? "" : "\n    hint: " + hint);
    }
}
