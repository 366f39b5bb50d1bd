package org.trustrepair.advisor.batch;

/** A count with its noun in the right number: "1 case", "2 cases", "1,000 errors". */
public final class Counts {

    private Counts() {}

    /** The count (grouped by thousands) and {@code one} when it is 1, else {@code many}. */
    public static String of(long n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }

    /** For nouns whose plural adds an s: {@code of(2, "case")} is "2 cases". */
    public static String of(long n, String one) {
        return of(n, one, one + "s");
    }
}
