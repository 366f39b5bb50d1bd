package org.trustrepair.advisor.advice.engine;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** Reads a decision table as the DRL it stands for, to locate its rules and the advice ids it uses. */
final class DecisionTables {

    /** The decision-table compiler marks each generated rule with the row it comes from: "rule values at A10". */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    private DecisionTables() {}

    static boolean isTable(String file) {
        return file.matches(".*\\.drl\\.(csv|xls|xlsx)$");
    }

    /**
     * Reading a table's DRL line by line: the row this line marks as the start of a rule, else {@code current} (in a
     * CSV table, the row is the line).
     */
    static int rowMarkedBy(String drlLine, int current) {
        Matcher r = TABLE_ROW.matcher(drlLine);
        return r.find() ? Integer.parseInt(r.group(1)) : current;
    }

    static String toDrl(RuleFiles.RuleFile file) {
        InputType type = file.path().endsWith(".csv") ? InputType.CSV : InputType.XLS;
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), type);
    }
}
