package org.trustrepair.advisor.proof;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Which values of an answer the rules name, so that values no rule names can be swept as one. */
final class EnumUse {

    private EnumUse() {}

    /** The values some rule names (all values when the rules use the answer in a way this cannot follow). */
    static <E extends Enum<E>> List<E> named(Collection<String> drlTexts, Class<E> type, String field) {
        E[] all = type.getEnumConstants();
        String text = String.join("\n", drlTexts).replaceAll("(?m)//.*$", "");
        // a rule that looks at the value's position or spelling could tell any two values apart
        if (Pattern.compile("\\b" + field + "\\s*\\.\\s*(ordinal|name|compareTo|toString)\\b")
                        .matcher(text)
                        .find()
                || Pattern.compile("\\b" + field + "\\s*(<|>|<=|>=)\\s")
                        .matcher(text)
                        .find()) {
            return List.of(all);
        }
        List<E> named = new ArrayList<>();
        for (E value : all) {
            if (Pattern.compile("\\b" + value.name() + "\\b").matcher(text).find()) {
                named.add(value);
            }
        }
        return named;
    }
}
