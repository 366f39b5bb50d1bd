/**
 * Cross-cutting configuration: security headers and CSRF, request limits, JSON read constraints, the rate limit,
 * health, the logs' filter of answers, and the count of refused requests for the metrics.
 */
package org.trustrepair.advisor.system;
