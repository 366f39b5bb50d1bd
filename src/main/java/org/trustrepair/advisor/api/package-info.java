/** The JSON API: {@code POST /api/advice}, {@code GET /api/questionnaire}, and problem+json errors. */
package org.trustrepair.advisor.api;
