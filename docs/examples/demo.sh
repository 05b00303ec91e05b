#!/bin/bash
# The README's demo: the whole path of a meta-ethnography on the bundled,
# illustrative 29-study example, with the command built in BUILD_DIR.
#
#     bash docs/examples/demo.sh build
#
# Writes the line-of-argument diagram to BUILD_DIR/warmth-line-of-argument.svg
# when Graphviz's dot is installed.
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later

set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$src/build}"
mte="$build/bindings/cli/metaethno"
example="$src/docs/examples/warmth/warmth.xml"

show () {
  printf '\n$ metaethno %s\n' "$*"
  "$mte" "$@"
}

show validate "$example"
show info "$example"
show grid "$example" --order index --format md
show translate "$example" --table --order custom
show saturation "$example" --order custom
show check "$example"
show synthesize "$example"
if command -v dot >/dev/null 2>&1; then
  svg="$build/warmth-line-of-argument.svg"
  "$mte" synthesize "$example" --format dot | dot -Tsvg -o "$svg"
  printf '\nThe line of argument as a diagram: %s\n' "$svg"
fi
