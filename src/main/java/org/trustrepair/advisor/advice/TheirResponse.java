package org.trustrepair.advisor.advice;

/** How the person who broke trust has responded, as the person who was hurt sees it. */
public enum TheirResponse {
    DENIES_OR_BLAMES,
    MINIMIZES,
    APOLOGIZED,
    MAKING_AMENDS,
    NO_CONTACT
}
