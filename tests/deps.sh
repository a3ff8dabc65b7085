#!/bin/sh
# Installs the build and test dependencies that are missing (Debian/Ubuntu).
# Uses sudo when not root, and says what it runs.
set -e
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
have_pc ncursesw || need="$need libncurses-dev"
have_pc libcjson || need="$need libcjson-dev"
[ -f /usr/include/csv.h ] || need="$need libcsv-dev"
have_pc cmocka || need="$need libcmocka-dev"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "llmdeck: installing missing packages:$need"
echo "+ $SUDO apt-get update"
$SUDO apt-get update -qq
echo "+ $SUDO apt-get install -y$need"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
