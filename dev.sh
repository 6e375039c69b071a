#!/usr/bin/env bash
# Two-command start for the strategy site.
#
#   ./dev.sh site    build the example site into site/ (mkdocs build --strict)
#   ./dev.sh test    run the whole test suite, browser tests included
#   ./dev.sh serve   preview while editing (reloads when data/, docs/, macros/ or diagrams/ change)
#
# On a fresh Debian/Ubuntu machine it sets up what the command needs: .venv with Python 3.11 and the
# pinned packages, Graphviz, and for `test` Debian's Chromium, axe-core and Lighthouse (npm ci). Every
# step is skipped when already done (stamp files inside .venv/ and node_modules/), so reruns start at once.
# Extra arguments go to the tool: `./dev.sh test -k soeg`, `./dev.sh serve -a 127.0.0.1:8001`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export NO_MKDOCS_2_WARNING=1

VENV=.venv
PY_STAMP=$VENV/.dev-sh-pyproject
NODE_STAMP=node_modules/.dev-sh-package-lock
APT_UPDATED=no

say() { printf 'dev.sh: %s\n' "$*" >&2; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        return 1
    fi
}

# apt_install WHAT PACKAGE...: install Debian packages, or say exactly what to install and stop.
apt_install() {
    local what=$1
    shift
    say "installerer $what: apt-get install $*"
    if command -v apt-get >/dev/null 2>&1 && apt_get_install "$@"; then
        return 0
    fi
    say "kunne ikke installere $what. Installér det selv og kør igen:"
    say "    sudo apt-get update && sudo apt-get install $*"
    say "(could not install $what; please run the command above, then try again)"
    exit 1
}

apt_get_install() {
    if [ "$APT_UPDATED" = no ]; then
        as_root apt-get update -q || return 1
        APT_UPDATED=yes
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        if ! command -v python3.11 >/dev/null 2>&1; then
            apt_install "Python 3.11" python3.11 python3.11-venv
        fi
        say "opretter $VENV med Python 3.11"
        if ! python3.11 -m venv "$VENV"; then
            rm -rf "$VENV"
            apt_install "Python 3.11's venv-modul" python3.11-venv
            python3.11 -m venv "$VENV"
        fi
    fi
    local want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$PY_STAMP" 2>/dev/null)" != "$want" ]; then
        say "installerer de fastlåste pakker: pip install -e '.[test]'"
        "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e '.[test]'
        echo "$want" >"$PY_STAMP"
    fi
}

ensure_graphviz() {
    command -v dot >/dev/null 2>&1 || apt_install "Graphviz (dot)" graphviz
}

ensure_browser_tools() {
    command -v chromium >/dev/null 2>&1 || apt_install "Chromium" chromium
    command -v npm >/dev/null 2>&1 || apt_install "Node.js og npm" nodejs npm
    command -v pdfinfo >/dev/null 2>&1 || apt_install "Poppler (pdfinfo, til tjek af udskrifter)" poppler-utils
    local want
    want=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [ "$(cat "$NODE_STAMP" 2>/dev/null)" != "$want" ]; then
        say "installerer axe-core og Lighthouse: npm ci"
        npm ci --no-audit --no-fund --loglevel=error
        echo "$want" >"$NODE_STAMP"
    fi
}

usage() {
    sed -n '4,6p' "${BASH_SOURCE[0]}" | sed 's/^# */  /' >&2
    exit 2
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    site)
        ensure_venv
        ensure_graphviz
        exec "$VENV/bin/mkdocs" build --strict "$@"
        ;;
    test)
        ensure_venv
        ensure_graphviz
        ensure_browser_tools
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    serve)
        ensure_venv
        ensure_graphviz
        exec "$VENV/bin/mkdocs" serve "$@"
        ;;
    *)
        usage
        ;;
esac
