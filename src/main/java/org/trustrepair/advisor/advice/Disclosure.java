package org.trustrepair.advisor.advice;

/** How much the other party knows, and how they learned it. */
public enum Disclosure {
    UNDISCLOSED,
    PARTLY_DISCLOSED,
    CONFESSED,
    DISCOVERED
}
