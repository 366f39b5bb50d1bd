package org.trustrepair.advisor.advice;

/** A sign that safety comes before any repair. */
public enum SafetyFlag {
    OTHER_PARTY_AFRAID,
    VIOLENCE_OR_THREATS,
    CONTROLLING_BEHAVIOUR,
    SELF_HARM_THOUGHTS,
    PROTECTIVE_ORDER
}
