#!/usr/bin/env python3
# ab-start.py: is a change to the application's cold start worth keeping?
#
#   xvfb-run -a -s '-screen 0 1400x900x24' tests/bench/ab-start.py [-n 30] A B
#
# A and B are two builds of the application (copies of build/src/app/peyvand
# made before and after a change; the knowledge base's snapshot travels
# inside the binary).  Each is started afresh on the seed article, in turns
# (A B, B A, ...), N times, as bench-start.c starts it; the script prints
# both medians and the median of the rounds' own ratios B / A, which the
# machine's drift during the run moves least.  On the development machine an
# A/A run gives 0.99 to 1.00, so a change is worth a few per cent only when
# it shows in several runs (docs/PERFORMANCE.md, "Cold start").
#
# Copyright 2026 The Peyvand authors
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import statistics
import subprocess
import sys
import time

source_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser(description='A/B of two builds of the application, cold start')
parser.add_argument('-n', type=int, default=30, help='rounds (default 30)')
parser.add_argument('--build', default=os.path.join(source_dir, 'build'),
                    help='the build folder whose schemas and translations both use')
parser.add_argument('a')
parser.add_argument('b')
args = parser.parse_args()

if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
    sys.exit('ab-start.py: no display: run it under xvfb-run')

sample = os.path.join(source_dir, 'data', 'samples', '000_2ad9410abe4922a4.txt')
state = os.path.join(args.build, 'tests', 'bench')
env = dict(os.environ, GSETTINGS_BACKEND='memory', GTK_A11Y='none', NO_AT_BRIDGE='1',
           GSK_RENDERER='cairo', GSETTINGS_SCHEMA_DIR=os.path.join(args.build, 'data'),
           PEYVAND_LOCALEDIR=os.path.join(args.build, 'po'),
           XDG_STATE_HOME=os.path.join(state, 'xdg-state'),
           XDG_DATA_HOME=os.path.join(state, 'xdg-data'), PEYVAND_EXIT_AFTER_FIRST_FRAME='1')


def start(program):
    """Milliseconds from the spawn to the first frame that shows the analysis."""
    spawned = time.monotonic_ns() // 1000
    out = subprocess.run([program, '--size', '1280x800', sample], env=env,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith('analysis-frame-monotonic-us: '):
            return (int(line.split(': ')[1]) - spawned) / 1000
    sys.exit(f'ab-start.py: {program} reported no analysis frame:\n{out}')


start(args.a)
start(args.b)
a, b = [], []
for round in range(args.n):
    if round % 2:
        b.append(start(args.b))
        a.append(start(args.a))
    else:
        a.append(start(args.a))
        b.append(start(args.b))
ratios = [y / x for x, y in zip(a, b)]
print(f'A median {statistics.median(a):.1f} ms, B median {statistics.median(b):.1f} ms; '
      f'B / A: ratio of the medians {statistics.median(b) / statistics.median(a):.3f}, '
      f'median of the rounds\' ratios {statistics.median(ratios):.3f} ({args.n} rounds)')
