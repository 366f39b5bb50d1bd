package org.trustrepair.advisor.advice;

/** The relationship in which trust was broken. */
public enum Relationship {
    ROMANTIC,
    WORKPLACE,
    FAMILY,
    FRIENDSHIP
}
