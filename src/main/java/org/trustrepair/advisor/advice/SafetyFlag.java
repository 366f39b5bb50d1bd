package org.trustrepair.advisor.advice;

import java.util.List;
import java.util.Map;

/**
 * A sign that safety comes before any repair. Each names who is at risk from whom, "me" being the person answering:
 * a flag that does not say who fears whom cannot be advised on safely.
 */
public enum SafetyFlag {
    THEY_FEAR_ME,
    I_FEAR_THEM,
    /** Violence, including threats, by the person answering. */
    VIOLENCE_BY_ME,
    VIOLENCE_BY_THEM,
    /** Monitoring a phone, cutting someone off from friends or family, controlling money. */
    CONTROL_BY_ME,
    CONTROL_BY_THEM,
    MY_SELF_HARM,
    THEIR_SELF_HARM,
    /** A protective or restraining order against the person answering. */
    ORDER_AGAINST_ME,
    ORDER_PROTECTING_ME;

    /**
     * The first contract's undirected flags, each with the directed flags that replace it. They are refused, naming
     * their replacements: a flag that does not say who fears whom cannot be advised on safely.
     */
    public static final Map<String, List<SafetyFlag>> REPLACED = Map.of(
            "OTHER_PARTY_AFRAID", List.of(THEY_FEAR_ME, I_FEAR_THEM),
            "VIOLENCE_OR_THREATS", List.of(VIOLENCE_BY_ME, VIOLENCE_BY_THEM),
            "CONTROLLING_BEHAVIOUR", List.of(CONTROL_BY_ME, CONTROL_BY_THEM),
            "SELF_HARM_THOUGHTS", List.of(MY_SELF_HARM, THEIR_SELF_HARM),
            "PROTECTIVE_ORDER", List.of(ORDER_AGAINST_ME, ORDER_PROTECTING_ME));
}
