#!/usr/bin/env bash
# start.sh - bring up a local ClickHouse test cluster on loopback, laid out like pods:
#   1 ZooKeeper (Debian package "zookeeper", standalone mode) on 127.0.0.1:$ZK_PORT
#   CH_SHARDS x CH_REPLICAS clickhouse-server processes (Debian "clickhouse-server" 18.16),
#   node i (0-based, shard-major: s1r1, s1r2, s2r1, ...) on its OWN address
#   127.0.0.(CH_ADDRESS_BASE+i) with the standard ports http 8123, tcp 9000, interserver 9009,
# forming the cluster "$CH_CLUSTER_NAME" (default: "cluster"), with macros {cluster}/{shard}/{replica}.
#
# Usage: start.sh [BASE_DIR]          (default: $CH_CLUSTER_DIR or /tmp/ch-cluster)
#
# Idempotent: if the cluster under BASE_DIR is already up and healthy it only prints the
# layout. Whatever is down (a node stopped with stop.sh --node, ZooKeeper stopped with
# stop.sh --zookeeper, a crash) is started again; healthy processes are kept. Processes are
# only ever signalled by the PIDs this script recorded itself.
#
# Each node sees its own address as one of its interfaces through ifaddrs-shim.so (LD_PRELOAD,
# built here from ifaddrs-shim.c); without it no node would recognise itself in ON CLUSTER DDL.
#
# Environment (all optional):
#   CH_CLUSTER_NAME      cluster name in remote_servers                    (cluster)
#   CH_SHARDS            number of shards                                  (2)
#   CH_REPLICAS          replicas per shard                                (2)
#   CH_ADDRESS_BASE      last octet of node 0's address 127.0.0.N          (11)
#   ZK_PORT              ZooKeeper client port on 127.0.0.1                (2181)
#   CH_USER/CH_PASSWORD  extra user with full access (optional; "default" user has no password)
#   CH_START_TIMEOUT     seconds to wait for readiness                     (60)
#   CH_ZK_SESSION_TIMEOUT_MS  ClickHouse's ZooKeeper session timeout (10000; ClickHouse's
#                        default is 30000). A node killed with -9 keeps its replicas
#                        "active" in ZooKeeper this long, so a restarted copy waits for it.
#   CH_SKIP_INSTALL=1    never call apt-get
#   CH_SERVER_BIN        clickhouse-server binary                          (found on PATH or /usr/sbin)
#
# Exit status: 0 ready; 3 packages missing and not installable here (see install.sh);
#              4 an address:port is held by a process that is not ours (e.g. the cluster of
#              another checkout); anything else: a real failure (logs are named in the message).
#
# After start, BASE_DIR/cluster.env holds the layout (shell syntax, source-able), and
# BASE_DIR/nodes.txt holds one "name shard replica address" line per node (shard and replica
# numbered from 1 as in system.clusters; the macros are shard=01,02,... and replica=name).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE_DIR="${1:-${CH_CLUSTER_DIR:-/tmp/ch-cluster}}"
CLUSTER="${CH_CLUSTER_NAME:-cluster}"
SHARDS="${CH_SHARDS:-2}"
REPLICAS="${CH_REPLICAS:-2}"
ADDRESS_BASE="${CH_ADDRESS_BASE:-11}"
ZK_PORT="${ZK_PORT:-2181}"
HTTP_PORT=8123
TCP_PORT=9000
IS_PORT=9009
TIMEOUT="${CH_START_TIMEOUT:-60}"
ZK_SESSION_MS="${CH_ZK_SESSION_TIMEOUT_MS:-10000}"
ZK_HOST=127.0.0.1

log() { printf '[ch-cluster] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "$ADDRESS_BASE" -lt 2 ] || [ $((ADDRESS_BASE + SHARDS * REPLICAS - 1)) -gt 254 ]; then
  die "CH_ADDRESS_BASE=$ADDRESS_BASE with $((SHARDS * REPLICAS)) nodes leaves 127.0.0.2-254"
fi

mkdir -p "$BASE_DIR"
BASE_DIR="$(cd "$BASE_DIR" && pwd)"
RUN_DIR="$BASE_DIR/run"
mkdir -p "$RUN_DIR"

# Serialise concurrent invocations on the same BASE_DIR (stop.sh takes the same lock).
exec 9>"$BASE_DIR/.lock"
if command -v flock >/dev/null 2>&1; then flock -w 120 9 || die "could not lock $BASE_DIR/.lock"; fi

# ---------------------------------------------------------------- packages
rc=0
bash "$SCRIPT_DIR/install.sh" 9>&- || rc=$?
[ $rc = 0 ] || exit "$rc"   # 3 = not installable here
CH_SERVER_BIN="${CH_SERVER_BIN:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}"
[ -x "$CH_SERVER_BIN" ] || { log "UNAVAILABLE: no clickhouse-server at $CH_SERVER_BIN"; exit 3; }

# ---------------------------------------------------------------- helpers
# A PID counts as ours only while its command line still names our config dir
# (guards against PID reuse after a reboot or a crash).
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$BASE_DIR/conf/"; }
pid_of() { if [ -f "$RUN_DIR/$1.pid" ]; then cat "$RUN_DIR/$1.pid"; fi; }
# Is a TCP port on an address accepting connections?
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
# "ruok" answers imok before the server serves requests; "srvr" only reports a Mode when it does.
zk_ok() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$ZK_HOST/$ZK_PORT; printf srvr >&3; cat <&3" 2>/dev/null | grep -q '^Mode: '
}
ch_ping() { [ "$(curl -s --max-time 2 "http://$1:$HTTP_PORT/ping" 2>/dev/null)" = "Ok." ]; }
ch_query() { curl -sS --fail --max-time 10 "http://$1:$HTTP_PORT/" --data-binary "$2"; }
# Does every replicated table of the node at $1 run replication in this process ($2)? Its
# is_active znode holds "pid: N, random: ..." of the process that activated it. After a node
# was killed -9, the old process's znode lives until its ZooKeeper session times out; until
# then the new process is not read-only, but does not replicate either.
replicas_active() { # address pid
  local paths p v
  paths="$(ch_query "$1" "SELECT replica_path FROM system.replicas FORMAT TSV" 2>/dev/null)" || return 1
  while IFS= read -r p; do
    case "$p" in ''|*"'"*|*"\\"*) continue ;; esac   # (no quoting games in SQL)
    v="$(ch_query "$1" "SELECT value FROM system.zookeeper WHERE path = '$p' AND name = 'is_active'" 2>/dev/null)" || return 1
    case "$v" in "pid: $2,"*) ;; *) return 1 ;; esac
  done <<<"$paths"
}

NODES=()  # "name shard_num replica_num address"; macros: shard=%02d of shard_num, replica=name
i=0
for s in $(seq 1 "$SHARDS"); do
  for r in $(seq 1 "$REPLICAS"); do
    NODES+=("ch-s${s}-r${r} $s $r 127.0.0.$((ADDRESS_BASE + i))")
    i=$((i + 1))
  done
done

# The node addresses must not be interface addresses: then every node would take every
# cluster entry on port 9000 for itself (see ifaddrs-shim.c).
for n in "${NODES[@]}"; do
  read -r name shard replica addr <<<"$n"
  if command -v ip >/dev/null 2>&1 && ip -4 -o addr show 2>/dev/null | grep -qE "inet $addr/"; then
    die "$addr is configured on a network interface; remove it (ip addr del $addr/32 dev lo) or set CH_ADDRESS_BASE"
  fi
done

zk_healthy() { alive "$(pid_of zookeeper)" && zk_ok; }
node_healthy() { alive "$(pid_of "$1")" && ch_ping "$2"; }

print_summary() {
  local n name shard replica addr hosts=()
  for n in "${NODES[@]}"; do
    read -r name shard replica addr <<<"$n"
    hosts+=("$addr")
  done
  {
    echo "CH_CLUSTER_DIR=$BASE_DIR"
    echo "CH_CLUSTER_NAME=$CLUSTER"
    echo "ZK_HOST=$ZK_HOST"
    echo "ZK_PORT=$ZK_PORT"
    echo "CH_HOSTS=$(IFS=,; echo "${hosts[*]}")"
    echo "CH_HTTP_PORT=$HTTP_PORT"
    echo "CH_TCP_PORT=$TCP_PORT"
    echo "CH_INTERSERVER_PORT=$IS_PORT"
  } >"$BASE_DIR/cluster.env.tmp"
  mv "$BASE_DIR/cluster.env.tmp" "$BASE_DIR/cluster.env"
  printf '%s\n' "${NODES[@]}" >"$BASE_DIR/nodes.txt.tmp"
  mv "$BASE_DIR/nodes.txt.tmp" "$BASE_DIR/nodes.txt"
  echo "zookeeper $ZK_HOST:$ZK_PORT pid=$(pid_of zookeeper)"
  for n in "${NODES[@]}"; do
    read -r name shard replica addr <<<"$n"
    echo "$name shard=$shard replica=$replica address=$addr http=$HTTP_PORT tcp=$TCP_PORT interserver=$IS_PORT pid=$(pid_of "$name")"
  done
  echo "cluster '$CLUSTER' ready; env: $BASE_DIR/cluster.env"
}

# Which components need (re)starting? Healthy ones are kept, so a test can stop one node
# (stop.sh BASE_DIR --node NAME) and call start.sh again to bring it back.
stop_pid() { # name: stop a process of ours that is alive but not healthy
  local p; p="$(pid_of "$1")"
  if alive "$p"; then
    log "restarting unhealthy $1 (pid $p)"
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 75); do alive "$p" || break; sleep 0.2; done
    alive "$p" && kill -9 "$p" 2>/dev/null
  fi
  rm -f "$RUN_DIR/$1.pid"
}
need_port_free() { # address port; exit 4 when taken (the caller may wait for it and retry)
  port_open "$1" "$2" || return 0
  local holder=""
  if command -v ss >/dev/null 2>&1; then
    holder="$(ss -Hltnp "sport = :$2" 2>/dev/null | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2)"
    [ -n "$holder" ] && holder=" by pid $holder ($(tr '\0' '\n' <"/proc/$holder/cmdline" 2>/dev/null | head -1) ... $(tr '\0' '\n' <"/proc/$holder/cmdline" 2>/dev/null | tail -1))"
  fi
  log "ERROR: $1:$2 is in use$holder - not by this cluster ($BASE_DIR); another cluster? (stop it, or set CH_ADDRESS_BASE / ZK_PORT)"
  exit 4
}

START_ZK=0; START_NODES=()
zk_healthy || { START_ZK=1; stop_pid zookeeper; need_port_free "$ZK_HOST" "$ZK_PORT"; }
for n in "${NODES[@]}"; do
  read -r name shard replica addr <<<"$n"
  if ! node_healthy "$name" "$addr"; then
    stop_pid "$name"
    for p in "$HTTP_PORT" "$TCP_PORT" "$IS_PORT"; do need_port_free "$addr" "$p"; done
    START_NODES+=("$n")
  fi
done
if [ $START_ZK = 0 ] && [ ${#START_NODES[@]} = 0 ]; then
  log "already running"
  print_summary
  exit 0
fi

# ---------------------------------------------------------------- shim
SHIM_SRC="$SCRIPT_DIR/ifaddrs-shim.c"
SHIM="$BASE_DIR/lib/ifaddrs-shim.so"
if [ ! -f "$SHIM" ] || [ "$SHIM_SRC" -nt "$SHIM" ]; then
  mkdir -p "$BASE_DIR/lib"
  CC="$(command -v cc || command -v gcc || true)"
  [ -n "$CC" ] || die "no C compiler to build $SHIM (install gcc)"
  "$CC" -shared -fPIC -O2 -Wall -o "$SHIM.tmp" "$SHIM_SRC" -ldl || die "could not build $SHIM"
  mv "$SHIM.tmp" "$SHIM"
fi

# ---------------------------------------------------------------- configs
CONF="$BASE_DIR/conf"
mkdir -p "$CONF" "$BASE_DIR/zookeeper/data" "$BASE_DIR/zookeeper/log"
# Running servers watch their config files: replace a file only when its content changes, and
# atomically, so reviving one node does not make the others reload (or read a half-written file).
write_conf() { # file; content on stdin
  cat >"$1.tmp"
  if cmp -s "$1.tmp" "$1"; then rm -f "$1.tmp"; else mv -f "$1.tmp" "$1"; fi
}

write_conf "$CONF/zoo.cfg" <<EOF
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$BASE_DIR/zookeeper/data
clientPort=$ZK_PORT
clientPortAddress=$ZK_HOST
maxClientCnxns=0
admin.enableServer=false
4lw.commands.whitelist=ruok,mntr,stat,srvr
autopurge.purgeInterval=0
EOF

extra_user=""
if [ -n "${CH_USER:-}" ] && [ "${CH_USER}" != default ]; then
  extra_user="
    <${CH_USER}>
      <password>${CH_PASSWORD:-}</password>
      <networks><ip>127.0.0.0/8</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </${CH_USER}>"
fi
# Connections between nodes and from tests come from loopback addresses (usually 127.0.0.1).
write_conf "$CONF/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>2000000000</max_memory_usage>
      <load_balancing>in_order</load_balancing>
    </default>
    <readonly><readonly>1</readonly></readonly>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.0/8</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>${extra_user}
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
EOF

remote_servers="    <${CLUSTER}>"
for s in $(seq 1 "$SHARDS"); do
  remote_servers+=$'\n'"      <shard>"$'\n'"        <internal_replication>true</internal_replication>"
  for n in "${NODES[@]}"; do
    read -r name shard replica addr <<<"$n"
    [ "$shard" = "$s" ] || continue
    remote_servers+=$'\n'"        <replica><host>$addr</host><port>$TCP_PORT</port></replica>"
  done
  remote_servers+=$'\n'"      </shard>"
done
remote_servers+=$'\n'"    </${CLUSTER}>"

for n in "${NODES[@]}"; do
  read -r name shard replica addr <<<"$n"
  nd="$BASE_DIR/$name"
  mkdir -p "$nd/data" "$nd/tmp" "$nd/user_files" "$nd/format_schemas" "$nd/log"
  write_conf "$CONF/$name.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>information</level>
    <log>$nd/log/clickhouse-server.log</log>
    <errorlog>$nd/log/clickhouse-server.err.log</errorlog>
    <size>100M</size>
    <count>2</count>
  </logger>
  <display_name>$name</display_name>
  <listen_host>$addr</listen_host>
  <http_port>$HTTP_PORT</http_port>
  <tcp_port>$TCP_PORT</tcp_port>
  <interserver_http_port>$IS_PORT</interserver_http_port>
  <interserver_http_host>$addr</interserver_http_host>
  <max_connections>1024</max_connections>
  <keep_alive_timeout>3</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>134217728</uncompressed_cache_size>
  <mark_cache_size>134217728</mark_cache_size>
  <path>$nd/data/</path>
  <tmp_path>$nd/tmp/</tmp_path>
  <user_files_path>$nd/user_files/</user_files_path>
  <format_schema_path>$nd/format_schemas/</format_schema_path>
  <users_config>$CONF/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
  <max_table_size_to_drop>0</max_table_size_to_drop>
  <max_partition_size_to_drop>0</max_partition_size_to_drop>
  <remote_servers>
$remote_servers
  </remote_servers>
  <zookeeper>
    <node><host>$ZK_HOST</host><port>$ZK_PORT</port></node>
    <session_timeout_ms>$ZK_SESSION_MS</session_timeout_ms>
  </zookeeper>
  <macros>
    <cluster>$CLUSTER</cluster>
    <shard>$(printf '%02d' "$shard")</shard>
    <replica>$name</replica>
  </macros>
  <distributed_ddl>
    <path>/clickhouse/task_queue/ddl</path>
  </distributed_ddl>
</yandex>
EOF
done

# ---------------------------------------------------------------- start
t0=$(date +%s.%N)
deadline=$(( $(date +%s) + TIMEOUT ))
timed_out() { [ "$(date +%s)" -ge "$deadline" ]; }

# setsid: own session, so the servers outlive this script and the caller's process group.
if [ $START_ZK = 1 ]; then
  ZK_CP="/usr/share/java/zookeeper.jar"
  [ -f /usr/share/java/slf4j-simple.jar ] && ZK_CP="$ZK_CP:/usr/share/java/slf4j-simple.jar"
  setsid java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dzookeeper.admin.enableServer=false -Dzookeeper.jmx.log4j.disable=true \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$ZK_CP" org.apache.zookeeper.server.quorum.QuorumPeerMain "$CONF/zoo.cfg" \
    >>"$BASE_DIR/zookeeper/log/zookeeper.out" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN_DIR/zookeeper.pid"
  until zk_ok; do
    alive "$(pid_of zookeeper)" || die "zookeeper exited; see $BASE_DIR/zookeeper/log/zookeeper.out"
    timed_out && die "timeout waiting for zookeeper on $ZK_HOST:$ZK_PORT"
    sleep 0.1
  done
fi

ulimit -n 65536 2>/dev/null || true
launch_node() { # name address
  CH_NODE_ADDRESS="$2" LD_PRELOAD="$SHIM${LD_PRELOAD:+:$LD_PRELOAD}" \
    setsid "$CH_SERVER_BIN" --config-file="$CONF/$1.xml" \
    >>"$BASE_DIR/$1/log/stdout.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN_DIR/$1.pid"
}
for n in "${START_NODES[@]}"; do
  read -r name shard replica addr <<<"$n"
  launch_node "$name" "$addr"
done

for n in "${NODES[@]}"; do
  read -r name shard replica addr <<<"$n"
  retried=0
  # Ready = answers /ping, has a ZooKeeper session (system.zookeeper readable), no replicated
  # table of an earlier run is still read-only (that lasts ~10 s after a ZooKeeper restart)
  # and every replicated table is active in ZooKeeper for this very process (up to the session
  # timeout after a node was killed -9).
  until ch_ping "$addr" &&
        [ "$(ch_query "$addr" "SELECT count() FROM system.zookeeper WHERE path = '/'" 2>/dev/null)" -ge 1 ] 2>/dev/null &&
        [ "$(ch_query "$addr" "SELECT count() FROM system.replicas WHERE is_readonly" 2>/dev/null)" = 0 ] &&
        replicas_active "$addr" "$(pid_of "$name")"; do
    if ! alive "$(pid_of "$name")"; then
      # One retry: e.g. replicated tables failing to attach while ZooKeeper was briefly unreachable.
      [ $retried = 0 ] || die "$name exited; see $BASE_DIR/$name/log/"
      log "$name exited during startup, retrying once"
      retried=1; launch_node "$name" "$addr"
    fi
    timed_out && die "timeout waiting for $name ($addr:$HTTP_PORT); see $BASE_DIR/$name/log/"
    sleep 0.1
  done
done
t1=$(date +%s.%N)
log "ready in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s"
print_summary
