package org.trustrepair.advisor.advice.engine;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.trustrepair.advisor.advice.RuleProblem;

/** Reads a decision table as the DRL it stands for, to locate its rules and the advice ids it uses. */
final class DecisionTables {

    /** The decision-table compiler marks each generated rule with the row it comes from: "rule values at A10". */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    private DecisionTables() {}

    /** Drools' words when a row has a cell beyond the table's last column: most often a comma outside quotes. */
    private static final Pattern CELL_BEYOND =
            Pattern.compile("Code description in cell ([A-Z]+)(\\d+) does not have an 'ACTION' or 'CONDITION'");

    /** Why a table cannot be read, in the words of someone editing it, with its row where Drools names a cell. */
    static RuleProblem unreadable(String path, String message) {
        Matcher cell = CELL_BEYOND.matcher(String.valueOf(message));
        if (cell.find()) {
            int row = Integer.parseInt(cell.group(2));
            return new RuleProblem(
                    path,
                    row,
                    "row " + row + " of the table has more cells than the table has columns (cell " + cell.group(1)
                            + row + ")",
                    "a text with a comma in it must be in double quotes, like \"They learned of it, and …\"; or the"
                            + " row has one comma too many");
        }
        return RuleProblem.of(path, 0, "The decision table cannot be read: " + message);
    }

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
