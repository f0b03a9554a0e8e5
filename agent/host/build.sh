#!/usr/bin/env bash
# Compile the STARFACE test host (a test fixture, not product) into agent/build/host/classes.
# Skips when the sources are unchanged since the last build. Needs a JDK 17 or newer (javac).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(cd "$here/.." && pwd)/build/host"
classes="$out/classes"
stamp="$out/.sources.sha256"
if ! command -v javac >/dev/null 2>&1; then
    echo "host build: javac not found (install a JDK 17 or newer)" >&2
    exit 3
fi
mkdir -p "$out"
current="$(cd "$here" && find src build.sh -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
if [[ -d "$classes" && -f "$stamp" && "$(cat "$stamp")" == "$current" ]]; then
    exit 0
fi
rm -rf "$classes" "$stamp"
mkdir -p "$classes"
(cd "$here" && find src -name '*.java' | LC_ALL=C sort) > "$out/sources.txt"
(cd "$here" && javac --release 17 -encoding UTF-8 -Xlint:all -Werror -d "$classes" @"$out/sources.txt")
echo "$current" > "$stamp"
echo "host build: compiled into $classes"
