#!/bin/sh
# test.sh: the second README command.  Installs the build dependencies,
# builds Service Desk into build-test/ and runs every test headlessly (GUI
# tests under xvfb-run, see tests/meson.build).  Extra arguments go to
# "meson setup", e.g. -Db_sanitize=address,undefined.
#
# Copyright 2026 The Service Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

builddir="${BUILDDIR:-build-test}"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@"
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@"
fi
ninja -C "$builddir"
meson test -C "$builddir" --print-errorlogs --num-processes 2
