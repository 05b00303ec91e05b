#!/bin/bash
# The README's demo: the whole path of a meta-ethnography on the bundled,
# illustrative 29-study example, with the command built in BUILD_DIR.
#
#     bash docs/examples/demo.sh build
#
# Writes the line-of-argument diagram to BUILD_DIR/warmth-line-of-argument.svg
# when Graphviz's dot is installed, and BUILD_DIR/demo-session.xml, a copy
# of the starter project with a translation session in it.
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later

set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$src/build}"
mte="$build/bindings/cli/metaethno"
example="$src/docs/examples/warmth/warmth.xml"

# Prints the command as one could type it (words with spaces or quotes
# in double quotes), then runs it.
show () {
  local line="metaethno" word
  for word in "$@"; do
    if [[ $word =~ [^A-Za-z0-9._/:=@%+,-] ]]; then
      line+=" \"$word\""
    else
      line+=" $word"
    fi
  done
  printf '\n$ %s\n' "$line"
  "$mte" "$@"
}

show validate "$example"
show info "$example"
show grid "$example" --order index --format md

# Phase 5 as a team works through it, on a copy of the small starter
# project: a translation session, one decision, the log. The session is
# saved in the file after every decision.
session="$build/demo-session.xml"
cp "$src/docs/examples/starter.xml" "$session"
show translate "$session" --start --order chronological
show translate "$session" --reciprocal being-listened-to --reviewer ak \
  --rationale "Unhurried attention to a person's own account: being listened to"
show translate "$session" --decisions

show translate "$example" --table --order custom
show saturation "$example" --order custom
show check "$example"
show synthesize "$example"
if command -v dot >/dev/null 2>&1; then
  svg="$build/warmth-line-of-argument.svg"
  "$mte" synthesize "$example" --format dot | dot -Tsvg -o "$svg"
  printf '\nThe line of argument as a diagram: %s\n' "$svg"
fi

# Phase 7: the whole review as one report, in the order of the eMERGe
# reporting guidance (also .docx for Word and .md for GitHub).
report="$build/warmth-report.html"
show report "$example" -o "$report"
printf '\nThe review report: %s (open it in a browser; it prints to A4)\n' "$report"
