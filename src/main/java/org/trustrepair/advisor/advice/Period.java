package org.trustrepair.advisor.advice;

/**
 * How long ago the other party learned of it; the edges of each period are set in the rules. {@code ANY_TIME} is the
 * period where how long ago does not change the plan (the rules give it where safety comes first).
 */
public enum Period {
    FIRST_TWO_WEEKS,
    UP_TO_THREE_MONTHS,
    UP_TO_A_YEAR,
    UP_TO_TWO_YEARS,
    OVER_TWO_YEARS,
    ANY_TIME
}
