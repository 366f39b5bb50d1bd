package org.trustrepair.advisor.advice;

/** What happened. */
public enum Breach {
    INFIDELITY,
    LYING_AT_WORK,
    HALF_TRUTHS,
    HIDDEN_BEHAVIOUR,
    BROKEN_CONFIDENCE,
    BROKEN_PROMISE,
    HONEST_MISTAKE,
    OTHER
}
