#!/bin/sh
# run.sh: the first README command.  Installs the build dependencies, builds
# Service Desk into build/, installs it under build/install (so GSettings,
# icons and translations are found as on a real system), creates the demo
# office if there is none yet, and opens the window on it.
#
# Copyright 2026 The Service Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

if [ ! -f build/build.ninja ]; then
  meson setup build --prefix="$top/build/install"
fi
meson install -C build --quiet

prefix="$top/build/install"
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export PATH="$prefix/bin:$PATH"

office="${SERVICE_DESK_DATABASE:-${XDG_DATA_HOME:-$HOME/.local/share}/service-desk/office.db}"
if [ ! -s "$office" ]; then
  service-desk --database "$office" demo
fi

exec service-desk --database "$office" "$@"
