/**
 * The web questionnaire on {@code GET /}: a start page, one question per page, a check-your-answers page, then the
 * plan, with a print view and a plain-text download. Questions, help texts and labels come from the Advisor's
 * questionnaire definition; the plan is the Advisor's, rendered and never decided here.
 *
 * <p>Stateless on purpose: the answers given so far travel as hidden fields in the body of each POST, and nowhere
 * else (not in a URL, a cookie, the session, a log or a cache). The only session is Spring Security's, holding the CSRF
 * token and nothing about the person.
 */
package org.trustrepair.advisor.questionnaire;
