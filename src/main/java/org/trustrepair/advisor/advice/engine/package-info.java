/**
 * Everything that touches Drools: reading a rules folder, compiling and checking it into a
 * {@link org.trustrepair.advisor.advice.engine.RuleSet}, running it for one situation, and turning the facts the
 * rules inserted into a plan. No decisions are made here.
 */
package org.trustrepair.advisor.advice.engine;
