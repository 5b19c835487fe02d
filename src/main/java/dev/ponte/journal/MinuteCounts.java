package dev.ponte.journal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts by name over the last day, a minute at a time: what the console's "last hour" and "last
 * day" add up. A slot holds the minute it counts, so a slot left from a day ago counts nothing.
 * Memory is fixed per name (two arrays of 1 440), whatever the traffic.
 */
final class MinuteCounts {

    static final int MINUTES = 24 * 60;

    private record Slots(long[] minute, long[] count) {
    }

    private final Map<String, Slots> byName = new HashMap<>();

    synchronized void add(String name, long minute) {
        Slots slots = byName.computeIfAbsent(name, n -> new Slots(new long[MINUTES], new long[MINUTES]));
        int at = (int) Math.floorMod(minute, (long) MINUTES);
        if (slots.minute()[at] != minute) {
            slots.minute()[at] = minute;
            slots.count()[at] = 0;
        }
        slots.count()[at]++;
    }

    /** The count of {@code name} over the {@code minutes} minutes up to and including {@code now}. */
    synchronized long sum(String name, long now, int minutes) {
        Slots slots = byName.get(name);
        if (slots == null) {
            return 0;
        }
        long total = 0;
        for (int back = 0; back < Math.min(minutes, MINUTES); back++) {
            long minute = now - back;
            int at = (int) Math.floorMod(minute, (long) MINUTES);
            if (slots.minute()[at] == minute) {
                total += slots.count()[at];
            }
        }
        return total;
    }

    synchronized Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }
}
