#!/usr/bin/env bash
# Sets up everything a fresh machine lacks: the system libraries Qt needs and a virtualenv
# with modmanager and its development tools. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=.venv

need_libs=()
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || need_libs+=("$lib")
done
if [ ${#need_libs[@]} -gt 0 ]; then
    echo "bootstrap: installing system libraries for Qt (missing: ${need_libs[*]})"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 \
        libxcb-image0 fonts-dejavu-core >/dev/null
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "bootstrap: creating $venv"
    "$python" -m venv "$venv"
fi
stamp="$venv/.installed"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "bootstrap: installing modmanager and its development tools"
    log=$(mktemp)
    if ! { "$venv/bin/python" -m pip install --upgrade pip && "$venv/bin/python" -m pip install -e ".[dev]"; } >"$log" 2>&1; then
        tail -n 40 "$log"; echo "bootstrap: installing Python packages failed (log above)" >&2; exit 1
    fi
    rm -f "$log"
    touch "$stamp"
fi

# The agent module (.sfm) is built from its Java sources; that needs a JDK.
if ! command -v javac >/dev/null 2>&1; then
    echo "bootstrap: installing a JDK to build the agent module (openjdk-17-jdk-headless)"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi
PYTHON="$PWD/$venv/bin/python" bash agent/build.sh
