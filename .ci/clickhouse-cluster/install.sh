#!/usr/bin/env bash
# install.sh - install the Debian packages the local ClickHouse test cluster needs, if missing:
#   clickhouse-server clickhouse-client (18.16 in bookworm), zookeeper (the jar; no daemon),
#   plus a JRE, curl and a C compiler (for ifaddrs-shim.so) when absent.
# Usage: install.sh            (used by start.sh and by .ci/run)
# Environment: CH_SKIP_INSTALL=1 never call apt-get; CH_SERVER_BIN path of clickhouse-server
#              (default: found on PATH or in /usr/sbin).
#
# The packaged services are never started: /usr/sbin/policy-rc.d denies them during the
# install (created temporarily when absent).
#
# Exit status: 0 = everything present (installed now or before);
#              3 = packages missing and they cannot be installed here (CH_SKIP_INSTALL=1,
#                  not root and no password-less sudo, no apt-get, or apt-get failed).
#              The JUnit extension turns 3 into a skipped test (a failure when CI=true).
set -euo pipefail

log() { printf '[ch-cluster] %s\n' "$*" >&2; }
unavailable() { log "UNAVAILABLE: $*"; exit 3; }

missing=()
if [ -n "${CH_SERVER_BIN:-}" ]; then
  [ -x "$CH_SERVER_BIN" ] || missing+=(clickhouse-server)
else
  command -v clickhouse-server >/dev/null 2>&1 || [ -x /usr/sbin/clickhouse-server ] || [ -x /usr/bin/clickhouse-server ] || missing+=(clickhouse-server)
fi
command -v clickhouse-client >/dev/null 2>&1 || [ -x /usr/bin/clickhouse-client ] || missing+=(clickhouse-client)
[ -f /usr/share/java/zookeeper.jar ] || missing+=(zookeeper)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# A C compiler and libc headers build ifaddrs-shim.so (see ifaddrs-shim.c).
{ command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; } || missing+=(gcc)
[ -f /usr/include/ifaddrs.h ] || missing+=(libc6-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

[ "${CH_SKIP_INSTALL:-0}" = 1 ] && unavailable "missing packages: ${missing[*]} (CH_SKIP_INSTALL=1)"
command -v apt-get >/dev/null 2>&1 || unavailable "missing packages: ${missing[*]}; no apt-get on this machine"
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    unavailable "missing packages: ${missing[*]}; not root (and no password-less sudo): run as root or install them"
  fi
fi

log "installing: ${missing[*]}"
# Never start the packaged system services: we run our own instances.
prc=/usr/sbin/policy-rc.d
created=0
if [ ! -e "$prc" ]; then
  "${SUDO[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' >$prc && chmod +x $prc"
  created=1
fi
cleanup() { if [ $created = 1 ]; then "${SUDO[@]}" rm -f "$prc"; fi; }
trap cleanup EXIT

ok=1
"${SUDO[@]}" apt-get update -qq || ok=0
if [ $ok = 1 ]; then
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || ok=0
fi
[ $ok = 1 ] || unavailable "apt-get could not install: ${missing[*]}"
log "installed: ${missing[*]}"
