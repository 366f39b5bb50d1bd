package org.trustrepair.advisor.proof;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a rule's consequence (its {@code then} part) for what {@link RuleModel} needs: the facts it inserts. */
final class ConsequenceReader {

    private ConsequenceReader() {}

    /**
     * The types of the facts a consequence inserts, read with the Java parser Drools compiles consequences with: each
     * statement an {@code insert} or {@code insertLogical} of a new fact built from constants; null when it does
     * anything else.
     */
    static List<String> inserts(String consequence) {
        BlockStmt block;
        try {
            block = StaticJavaParser.parseBlock("{" + consequence + "\n}");
        } catch (ParseProblemException e) {
            return null;
        }
        List<String> inserts = new ArrayList<>();
        for (Statement statement : block.getStatements()) {
            if (!(statement instanceof ExpressionStmt e
                    && e.getExpression() instanceof MethodCallExpr call
                    && call.getScope().isEmpty()
                    && Set.of("insert", "insertLogical").contains(call.getNameAsString())
                    && call.getArguments().size() == 1
                    && call.getArgument(0) instanceof ObjectCreationExpr made
                    && made.getScope().isEmpty()
                    && made.getAnonymousClassBody().isEmpty()
                    && made.getType().getScope().isEmpty()
                    && made.getArguments().stream().allMatch(ConsequenceReader::isConstantExpression))) {
                return null;
            }
            inserts.add(made.getType().getNameAsString());
        }
        return inserts;
    }

    /** Whether a consequence's expression is built of literals, names and operators only (no call, no binding). */
    private static boolean isConstantExpression(Node n) {
        boolean allowed = n instanceof LiteralExpr
                || n instanceof FieldAccessExpr
                || n instanceof UnaryExpr
                || n instanceof BinaryExpr
                || n instanceof SimpleName
                || n instanceof NameExpr name && !name.getNameAsString().startsWith("$");
        return allowed && n.getChildNodes().stream().allMatch(ConsequenceReader::isConstantExpression);
    }
}
