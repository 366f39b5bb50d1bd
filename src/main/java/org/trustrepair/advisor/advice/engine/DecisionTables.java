package org.trustrepair.advisor.advice.engine;

import java.io.ByteArrayInputStream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** Reads a decision table as the DRL it stands for, to locate its rules and the advice ids it uses. */
final class DecisionTables {

    private DecisionTables() {}

    static String toDrl(RuleFiles.RuleFile file) {
        InputType type = file.path().endsWith(".csv") ? InputType.CSV : InputType.XLS;
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), type);
    }
}
