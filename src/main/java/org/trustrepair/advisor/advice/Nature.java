package org.trustrepair.advisor.advice;

/** Whether the breach was of honesty and principle (integrity) or of skill and care (competence). */
public enum Nature {
    INTEGRITY,
    COMPETENCE
}
