#!/usr/bin/env bash
# Builds the modmanager agent module from source: agent/build/modmanager-agent.sfm, copied to
# modmanager/agent/modmanager-agent.sfm (package data). Needs a JDK (javac, 9 or newer for
# --release 8) and python3, nothing else. Does nothing when the .sfm is newer than every input.
set -euo pipefail
cd "$(dirname "$0")"

out=build/modmanager-agent.sfm
package_copy=../modmanager/agent/modmanager-agent.sfm
inputs=(src stubs build_sfm.py build.sh)
python=${PYTHON:-python3}

mkdir -p build
# Parallel test workers may build at once: one builds, the others wait and find it done.
if command -v flock >/dev/null 2>&1; then
    exec 9>build/.lock
    flock 9
fi

install_copy() {
    if ! cmp -s "$out" "$package_copy" 2>/dev/null; then
        cp "$out" "$package_copy.tmp"
        mv -f "$package_copy.tmp" "$package_copy"
    fi
}

if [ -f "$out" ] && [ -z "$(find "${inputs[@]}" -newer "$out" -print -quit)" ]; then
    install_copy
    exit 0
fi

if ! command -v javac >/dev/null 2>&1; then
    echo "agent/build.sh: javac is missing; install a JDK (scripts/bootstrap.sh installs openjdk-17-jdk-headless)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t stub_sources < <(find stubs -name '*.java' | LC_ALL=C sort)
mapfile -t agent_sources < <(find src -name '*.java' | LC_ALL=C sort)
# Stubs are compiled to a folder of their own and only put on the class path: never packed.
javac --release 8 -encoding UTF-8 -Xlint:all -Werror -d "$work/stubs" "${stub_sources[@]}"
javac --release 8 -encoding UTF-8 -Xlint:all -Werror -cp "$work/stubs" -d "$work/classes" "${agent_sources[@]}"
"$python" build_sfm.py --classes "$work/classes" --out "$out" --descriptor-out build/module-descriptor.xml
install_copy
echo "agent/build.sh: built agent/$out"
