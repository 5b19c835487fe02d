#!/usr/bin/env python3
"""How much B differs from A, measured in pairs run in turn: the median of the pairs' own
differences (B - A, the first column of each line) and a 95% bootstrap interval for it. On a
machine whose runs vary by more than the step being measured, the interval says how sure the
comparison is. Usage: paired-difference.py A_FILE B_FILE (line i of each is pair i)."""
import random, statistics, sys

a = [int(line.split()[0]) for line in open(sys.argv[1])]
b = [int(line.split()[0]) for line in open(sys.argv[2])]
d = [y - x for x, y in zip(a, b)]
random.seed(1)
medians = sorted(statistics.median(random.choices(d, k=len(d))) for _ in range(4000))
print("%+d ms (95%% interval %+d to %+d ms)" % (statistics.median(d), medians[100], medians[3899]))
