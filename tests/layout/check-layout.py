#!/usr/bin/env python3
# check-layout.py
#
# Copyright 2026 The Service Desk authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What HACKING.md promises of the tree, checked so that it stays true:
# every source file lives in the folder of its area (none directly in
# src/core/ or src/gui/), none grows past what a reader holds at once,
# each says in its first comment what it holds, and po/POTFILES.in
# names exactly the files that exist and hold
# translatable strings (a moved file left behind in it breaks the
# translation template; a file missing from it ships English to Chinese
# users).  TAP output, one line per check.

import os
import re
import sys

LONGEST = 900   # lines of one .c file

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
top = os.path.abspath(top)
results = []


def check(ok, what, details=()):
    results.append((ok, what, list(details)))


def sources(folder, suffixes):
    for root, _dirs, files in os.walk(os.path.join(top, folder)):
        for name in files:
            if name.endswith(suffixes):
                yield os.path.relpath(os.path.join(root, name), top)


c_files = sorted(sources('src', ('.c',)))

flat = [p for p in c_files if os.path.dirname(p) in ('src/core', 'src/gui')]
check(not flat, 'no .c file directly in src/core/ or src/gui/', flat)

long_files = []
for path in c_files:
    with open(os.path.join(top, path), encoding='utf-8') as f:
        n = sum(1 for _ in f)
    if n > LONGEST:
        long_files.append(f'{path}: {n} lines')
check(not long_files, f'no .c file over {LONGEST} lines', long_files)

# The first comment of a file, or a comment between it and the first
# line of code, must say more than the file's name and its licence.
licence_only = re.compile(r'^(?:[\w.-]+\.c|Copyright .*|SPDX-License-Identifier: .*)$')
undescribed = []
for path in c_files:
    with open(os.path.join(top, path), encoding='utf-8') as f:
        head = re.split(r'^\s*#', f.read(), maxsplit=1, flags=re.M)[0]
    words = []
    for comment in re.findall(r'/\*(.*?)\*/', head, re.S):
        for line in comment.splitlines():
            line = line.strip().lstrip('*').strip()
            if line and not licence_only.match(line):
                words.append(line)
    if not words:
        undescribed.append(path)
check(not undescribed, 'every .c file says in its first comment what it holds', undescribed)

listed = []
with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.append(line)

missing = [p for p in listed if not os.path.exists(os.path.join(top, p))]
check(not missing, 'every file po/POTFILES.in names exists', missing)

marks = re.compile(r'\b(?:_|N_|C_|NC_)\s*\(\s*"|\bg_dngettext\s*\(|translatable="yes"')
translatable = []
for path in sorted(list(c_files) + list(sources('ui', ('.ui',))) + list(sources('data', ('.in',)))):
    with open(os.path.join(top, path), encoding='utf-8') as f:
        if marks.search(f.read()):
            translatable.append(path)
unlisted = [p for p in translatable if p not in listed]
check(not unlisted, 'every file with translatable strings is in po/POTFILES.in', unlisted)

print(f'1..{len(results)}')
for i, (ok, what, details) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {what}')
    for d in details:
        print(f'#   {d}')
sys.exit(0 if all(r[0] for r in results) else 1)
