package org.trustrepair.advisor.advice;

/** The overall direction of a plan. */
public enum Track {
    SAFETY,
    REPAIR,
    STEP_BACK,
    ACCEPT,
    HURT_PARTY
}
