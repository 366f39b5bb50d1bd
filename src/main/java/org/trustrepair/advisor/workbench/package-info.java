/**
 * What rule authors use: the answer space and the guardrail sweep over all of it, and (on top of those) check, diff,
 * live reload and the workbench page. May use the engine to build rule sets; never decides advice itself.
 */
package org.trustrepair.advisor.workbench;
