package org.trustrepair.advisor.advice;

/** Where the other party stands now. */
public enum Readiness {
    NO_CONTACT,
    NEEDS_SPACE,
    UNDECIDED,
    WILLING_TO_TALK,
    REBUILDING,
    MOVED_ON
}
