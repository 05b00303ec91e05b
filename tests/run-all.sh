#!/bin/bash
# Runs the whole test suite three ways: a plain build, AddressSanitizer with
# UndefinedBehaviorSanitizer, and valgrind. This is the README's test
# command and what .ci/run runs after installing the dependencies.
#
#     bash tests/run-all.sh            # build folders under the source tree
#     MTE_BUILD_ROOT=/tmp/b bash tests/run-all.sh
#
# Exits non-zero at the first failing step.
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later

set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${MTE_BUILD_ROOT:-$src}"
jobs="$(nproc 2>/dev/null || echo 2)"

step () {
  printf '\n== %s\n' "$*"
}

step "plain build: meson test"
if [ ! -f "$root/build/build.ninja" ]; then
  meson setup "$root/build" "$src"
fi
meson compile -C "$root/build" -j "$jobs"
meson test -C "$root/build" --print-errorlogs --num-processes "$jobs"

step "AddressSanitizer + UndefinedBehaviorSanitizer: meson test --setup=asan"
if [ ! -f "$root/build-asan/build.ninja" ]; then
  # b_lundef=false: the shared library leaves the sanitizer runtime's
  # symbols to the programs that load it.
  meson setup "$root/build-asan" "$src" -Dbuildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$root/build-asan" -j "$jobs"
meson test -C "$root/build-asan" --setup=asan --print-errorlogs --num-processes "$jobs"

step "valgrind: meson test --setup=valgrind"
meson test -C "$root/build" --setup=valgrind --print-errorlogs --num-processes "$jobs"

step "all tests passed (plain, sanitizers, valgrind)"
