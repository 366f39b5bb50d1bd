package org.trustrepair.advisor.advice.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader rules are compiled against: the application's own, remembering the names it does not have. While
 * compiling, Drools and MVEL try many names that are not classes (each annotation, such as {@code @reason}, and each
 * identifier, against every import); in the packaged jar each miss searched the nested jars again, which took about
 * half of a rule build (docs/benchmarks.md). The application's classes never change while it runs, so a name missing
 * once stays missing. Only class names are kept: nothing a person answers.
 */
public final class RulesClassLoader extends ClassLoader {

    static { // before SHARED is made: a loader is parallel capable only if registered before it exists
        registerAsParallelCapable();
    }

    /** One for the whole application: the second build, and the proof's probes, find the misses already known. */
    public static final RulesClassLoader SHARED = new RulesClassLoader(RulesClassLoader.class.getClassLoader());

    /** Enough for every name a rules folder tries many times over; emptied when full, never grown without end. */
    private static final int MAX_MISSING = 100_000;

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private RulesClassLoader(ClassLoader parent) {
        super("rules", parent);
    }

    /** Whether {@code name} was looked for and not found (so the next search is skipped). */
    boolean knownMissing(String name) {
        return missing.contains(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            if (missing.size() >= MAX_MISSING) {
                missing.clear();
            }
            missing.add(name);
            throw e;
        }
    }
}
