#!/usr/bin/env bash
# install.sh - put chDB (ClickHouse as a library: libchdb.so, engine 26.7) where the tests look for it,
# for the tests that run the product's SQL and driver against a modern ClickHouse engine (ChDb in
# src/test/java/dev/signozha/support/clickhouse). The only source here is the npm package
# @chdb/lib-linux-x64-gnu (the native part of npm's chdb 3.4.0): this machine's network reaches the
# npm registry but not GitHub releases, and no distribution packages chDB.
# Usage: install.sh [DEST]   (default DEST: <repo>/target/tools/chdb/libchdb.so; run by .ci/run and by the tests)
#
# The package is a 178 MB download (566 MB unpacked), so the unpacked library is kept in a cache
# outside the checkout (${SIGNOZ_HA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/signoz-ha}/chdb/VERSION/) and
# DEST is a symbolic link to it: `mvn clean` or a fresh clone does not download it again.
# Idempotent: an existing DEST that is a readable ELF library is kept as it is.
# Exit status: 0 = DEST is libchdb.so;
#              3 = it cannot be obtained here (not x86_64 Linux, no npm, npm registry unreachable);
#                  the tests turn 3 into skipped tests (failures when CI=true).
set -euo pipefail

VERSION="26.7.3-stable.1"
PACKAGE="@chdb/lib-linux-x64-gnu@$VERSION"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-$root/target/tools/chdb/libchdb.so}"
cache="${SIGNOZ_HA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/signoz-ha}/chdb/$VERSION"

# shellcheck source=../lib/npm-pack.sh
. "$root/.ci/lib/npm-pack.sh"
log() { printf '[chdb] %s\n' "$*" >&2; }
unavailable() { log "UNAVAILABLE: $*"; exit 3; }
is_library() { [ -r "$1" ] && [ "$(head -c 4 "$1" | od -An -c | tr -d ' ')" = '177ELF' ]; }

link_dest() {
  mkdir -p "$(dirname "$dest")"
  ln -sfn "$cache/libchdb.so" "$dest.tmp.$$"
  mv -fT "$dest.tmp.$$" "$dest"
}

if is_library "$dest"; then
  exit 0
fi
[ "$(uname -s)/$(uname -m)" = Linux/x86_64 ] || unavailable "chDB's npm build is for x86_64 Linux (glibc); this is $(uname -s)/$(uname -m)"
if is_library "$cache/libchdb.so"; then
  link_dest
  exit 0
fi
command -v npm >/dev/null 2>&1 || unavailable "npm is not installed (needed to fetch $PACKAGE)"
command -v tar >/dev/null 2>&1 || unavailable "tar is not installed"

mkdir -p "$cache"
# One download at a time per cache; a second caller waits and then finds the library.
exec 9>"$cache/.lock"
flock 9
if ! is_library "$cache/libchdb.so"; then
  work="$(mktemp -d "$cache/.work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  log "fetching $PACKAGE with npm pack (178 MB)"
  npm_pack_extract "$work" "$PACKAGE" package/libchdb.so
  # Atomically into place, so a parallel reader never maps half a library.
  mv -f "$work/package/libchdb.so" "$cache/libchdb.so"
fi
link_dest
log "installed chDB $VERSION at $dest -> $cache/libchdb.so"
