/** The command line: reading cases, writing plans and reports. Uses the core's Advisor; never Drools. */
package org.trustrepair.advisor.batch;
