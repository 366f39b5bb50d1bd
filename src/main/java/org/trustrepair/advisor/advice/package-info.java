/**
 * The advisor's core: {@link org.trustrepair.advisor.advice.Advisor}, the only entry, with the
 * {@link org.trustrepair.advisor.advice.Answers} it takes and the {@link org.trustrepair.advisor.advice.AdvicePlan} it
 * gives. {@code engine} holds everything that touches Drools; {@code facts} is the vocabulary the rules are written in.
 */
package org.trustrepair.advisor.advice;
