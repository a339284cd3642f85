#!/usr/bin/env bash
# stop.sh - stop the cluster started by start.sh, or a part of it.
# Usage: stop.sh [BASE_DIR] [--purge]                     whole cluster (default BASE_DIR: $CH_CLUSTER_DIR or /tmp/ch-cluster)
#        stop.sh [BASE_DIR] --node NAME [--node NAME...]  only these ClickHouse nodes (names as in nodes.txt)
#        stop.sh [BASE_DIR] --zookeeper                   only ZooKeeper
#   --purge  also delete BASE_DIR (data, configs, logs); only with a whole-cluster stop
#   --kill   SIGKILL instead of SIGTERM (a crash rather than a shutdown; a killed node keeps its
#            replicas "active" in ZooKeeper until its session times out)
# start.sh BASE_DIR brings back whatever is down. Only the PIDs recorded by start.sh under
# BASE_DIR/run are signalled, and only while their command line still names BASE_DIR/conf.
set -uo pipefail

BASE_DIR="${CH_CLUSTER_DIR:-/tmp/ch-cluster}"
PURGE=0
KILL=0
ONLY=()     # pid-file names (without .pid) to stop; empty = everything
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=1 ;;
    --kill) KILL=1 ;;
    --zookeeper) ONLY+=(zookeeper) ;;
    --node)
      if [ $# -lt 2 ] || [ -z "$2" ]; then echo "stop.sh: --node needs a node name" >&2; exit 2; fi
      case "$2" in zookeeper|*/*|.*) echo "stop.sh: bad node name '$2'" >&2; exit 2 ;; esac
      ONLY+=("$2"); shift ;;
    --node=*) ONLY+=("${1#--node=}") ;;
    -*) echo "stop.sh: unknown option $1" >&2; exit 2 ;;
    *) BASE_DIR="$1" ;;
  esac
  shift
done
if [ $PURGE = 1 ] && [ ${#ONLY[@]} -gt 0 ]; then
  echo "stop.sh: --purge only with a whole-cluster stop" >&2; exit 2
fi
[ -d "$BASE_DIR" ] || { echo "[ch-cluster] nothing to stop: no $BASE_DIR" >&2; exit 0; }
BASE_DIR="$(cd "$BASE_DIR" && pwd)"
RUN_DIR="$BASE_DIR/run"
log() { printf '[ch-cluster] %s\n' "$*" >&2; }
# A PID counts as ours only while its command line still names our config dir.
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$BASE_DIR/conf/"; }

# Wait for a start.sh in progress on this BASE_DIR (same lock).
if [ -e "$BASE_DIR/.lock" ] || [ -d "$RUN_DIR" ]; then
  exec 9>"$BASE_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then flock -w 120 9 || log "could not lock $BASE_DIR/.lock; stopping anyway"; fi
fi

if [ ${#ONLY[@]} -gt 0 ] && [ -f "$BASE_DIR/nodes.txt" ]; then
  for name in "${ONLY[@]}"; do
    [ "$name" = zookeeper ] && continue
    awk '{print $1}' "$BASE_DIR/nodes.txt" | grep -qxF "$name" || { log "no node '$name' in $BASE_DIR/nodes.txt"; exit 2; }
  done
fi

stop_set() { # pid files...: signal, wait up to 15 s, then SIGKILL
  local f p still sig=TERM
  [ $KILL = 1 ] && sig=KILL
  [ $# -gt 0 ] || return 0
  for f in "$@"; do
    p="$(cat "$f" 2>/dev/null)"
    alive "$p" && { log "stopping $(basename "$f" .pid) (pid $p, SIG$sig)"; kill -"$sig" "$p" 2>/dev/null; }
  done
  for _ in $(seq 1 75); do
    still=0
    for f in "$@"; do alive "$(cat "$f" 2>/dev/null)" && still=1; done
    [ $still = 0 ] && break
    sleep 0.2
  done
  for f in "$@"; do
    p="$(cat "$f" 2>/dev/null)"
    alive "$p" && { log "killing $(basename "$f" .pid) (pid $p)"; kill -KILL "$p" 2>/dev/null; }
    for _ in $(seq 1 25); do alive "$p" || break; sleep 0.2; done
    rm -f "$f"
  done
}

if [ -d "$RUN_DIR" ]; then
  if [ ${#ONLY[@]} -gt 0 ]; then
    sel=()
    for name in "${ONLY[@]}"; do [ -e "$RUN_DIR/$name.pid" ] && sel+=("$RUN_DIR/$name.pid"); done
    stop_set "${sel[@]}"
  else
    # ClickHouse first, ZooKeeper last (so the servers can close their sessions).
    ch=()
    for f in "$RUN_DIR"/*.pid; do [ -e "$f" ] && [ "$(basename "$f")" != zookeeper.pid ] && ch+=("$f"); done
    stop_set "${ch[@]}"
    [ -e "$RUN_DIR/zookeeper.pid" ] && stop_set "$RUN_DIR/zookeeper.pid"
  fi
fi
if [ $PURGE = 1 ]; then
  rm -rf "$BASE_DIR"
  log "removed $BASE_DIR"
fi
if [ ${#ONLY[@]} -gt 0 ]; then log "stopped: ${ONLY[*]}"; else log "stopped"; fi
