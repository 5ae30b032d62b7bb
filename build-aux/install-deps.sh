#!/bin/sh
# install-deps.sh: installs what Service Desk needs to build, run and test
# on Debian 12.  Used by both README commands and by CI.
#
# Copyright 2026 The Service Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

packages="
  meson ninja-build gcc pkg-config gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3
  libxml2-dev libxml2-utils
  libarchive-dev
  libcairo2-dev libpango1.0-dev
  libical-dev
  desktop-file-utils appstream
  xvfb xauth dbus
  fonts-noto-cjk fonts-wqy-microhei
  poppler-utils
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
