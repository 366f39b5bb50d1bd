package org.trustrepair.advisor.batch;

import org.trustrepair.advisor.workbench.Quiet;

/** Batch code that reaches the workbench, breaking the module rules on purpose for {@code ArchitectureTest}. */
public class ReachesTheWorkbench {
    Object quiet() {
        return Quiet.class;
    }
}
