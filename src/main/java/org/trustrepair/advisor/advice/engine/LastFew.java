package org.trustrepair.advisor.advice.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What was worked out lately from some text (a file, a list of conditions), kept by that text for the next rule set
 * to use: an edit changes little, so most of what the next analysis needs is already here. Only the last few are
 * kept, the least recently used going first; values are read only once made. Thread-safe.
 */
final class LastFew<K, V> {

    private final Map<K, V> kept;

    LastFew(int capacity) {
        this.kept = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What is kept for {@code key}, or null. */
    synchronized V get(K key) {
        return kept.get(key);
    }

    synchronized void put(K key, V value) {
        kept.put(key, value);
    }

    /**
     * What is kept for {@code key}, made now when nothing is (outside the lock: two threads may both make it, and one
     * is kept); a null made is not kept.
     */
    V get(K key, Supplier<V> make) {
        V known = get(key);
        if (known != null) {
            return known;
        }
        V made = make.get();
        if (made != null) {
            put(key, made);
        }
        return made;
    }
}
