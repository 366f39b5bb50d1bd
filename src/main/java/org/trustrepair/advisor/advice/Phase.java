package org.trustrepair.advisor.advice;

/** The phases of a plan, in the order their steps are given. */
public enum Phase {
    SAFETY,
    REFLECT,
    STOP,
    DISCLOSE,
    APOLOGIZE,
    STEP_BACK,
    PROVE,
    GIVE_TIME,
    PREVENT_RELAPSE,
    ACCEPT
}
