/** Cross-cutting configuration: security headers and CSRF, request limits, JSON read constraints. */
package org.trustrepair.advisor.system;
