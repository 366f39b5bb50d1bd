/**
 * The vocabulary of the rules: the {@link org.trustrepair.advisor.advice.facts.Situation} the answers become, the
 * facts rules derive about it (nature, severity, period, track, and named findings such as who is at risk), and the {@code Advice} and {@code Withhold} facts that
 * make a plan. Plain Java; nothing here knows Drools.
 */
package org.trustrepair.advisor.advice.facts;
