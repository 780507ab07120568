#!/usr/bin/env bash
# Load as users feel it: wrk on 127.0.0.1 against both example servers, keys served over HTTP by
# LoadFixture. Not part of the test command. See benchmarks/README.md ("Load").
#
#   ./mvnw -q -pl benchmarks,examples/spring-resource-server,examples/servlet-resource-server -am -DskipTests package
#   benchmarks/load.sh [seconds-per-run]        # default 10; needs wrk (Debian: apt-get install wrk)
#
# For each server: Keyfence with fresh tokens (each request a token never seen before), with the
# repeat mix (90% of requests from 500 tokens in use, 10% new), and fresh tokens again during a
# kid flood (a second wrk sending tokens with random unknown kids) and during a key rotation (the
# key server publishes a new key and drops an old one every second; the policy refreshes every
# second). Baselines: the same Spring jar on Spring Boot's own NimbusJwtDecoder (no keyfence.*
# property, spring.security.oauth2.resourceserver.jwt.*), and for the servlet example the same
# Tomcat and answer with no filter at all (benchmarks/load/NoFilterServer.java).
# Each server is warmed up before every run (WARMUP seconds, default 10, fresh tokens never measured).
# Prints one line per run and the ratios; writes them to $OUT (default benchmarks/target/load-results.txt).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_PER_RUN=${1:-10}
WARMUP=${WARMUP:-10}
# FRESH_TOKENS (default 60000): tokens minted for fresh-token runs, a quarter per Keyfence run and one for warm-ups
CONNECTIONS=${CONNECTIONS:-16}
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-4}
OUT=${OUT:-$ROOT/benchmarks/target/load-results.txt}
BENCH_JAR=${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}
SPRING_JAR=$ROOT/examples/spring-resource-server/target/spring-resource-server.jar
SERVLET_JAR=$ROOT/examples/servlet-resource-server/target/servlet-resource-server.jar
LUA=$ROOT/benchmarks/load/tokens.lua
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}

command -v wrk >/dev/null || { echo "load.sh: wrk not found (Debian: apt-get install wrk)" >&2; exit 2; }
for jar in "$BENCH_JAR" "$SPRING_JAR" "$SERVLET_JAR"; do
  [ -f "$jar" ] || { echo "load.sh: $jar missing; build with:" >&2
    echo "  ./mvnw -q -pl benchmarks,examples/spring-resource-server,examples/servlet-resource-server -am -DskipTests package" >&2
    exit 2; }
done

WORK=$(mktemp -d /tmp/keyfence-load.XXXXXX)
PIDS=()
cleanup() {
  touch "$WORK/stop" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "load.sh: minting tokens (RS256, 2048-bit key) into $WORK ..."
java $JAVA_OPTS -cp "$BENCH_JAR" dev.keyfence.benchmarks.load.LoadFixture "$WORK" "${FRESH_TOKENS:-60000}" > "$WORK/fixture.log" 2>&1 &
PIDS+=($!)
until [ -f "$WORK/ready" ]; do sleep 1; done
FRESH_TOTAL=$(wc -l < "$WORK/fresh.txt")
SLICE=$((FRESH_TOTAL / 4)) # disjoint slices: idle, flood, rotation, and the fourth for every warm-up

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

SERVER_PID=
start_server() { # name, then the command
  local name=$1; shift
  "$@" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 240); do
    grep -q "listening on" "$WORK/$name.log" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "load.sh: $name died:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "load.sh: $name did not start" >&2; exit 1
}
stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }

check_ok() { # port: one request with a fresh token must be 200
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(sed -n "${FRESH_TOTAL}p" "$WORK/fresh.txt")" "http://127.0.0.1:$1/api/me")
  [ "$code" = 200 ] || { echo "load.sh: a valid token got $code on port $1" >&2; exit 1; }
}

declare -A RPS P50 P99
run() { # label port file start count [flood|rotation]
  local label=$1 port=$2 file=$3 start=$4 count=$5 phase=${6:-idle} floodpid=
  # warm-up over the whole path (signature included): fresh tokens of the fourth slice, never measured
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$LUA" "http://127.0.0.1:$port" -- "$WORK/fresh.txt" "$((3 * SLICE))" "$SLICE" >/dev/null
  if [ "$phase" = flood ]; then
    wrk -t1 -c"$FLOOD_CONNECTIONS" -d"$((SECONDS_PER_RUN + 2))s" -s "$LUA" "http://127.0.0.1:$port" -- "$WORK/flood.txt" 0 \
      > "$WORK/flood-$label.out" 2>&1 &
    floodpid=$!
    sleep 1
  elif [ "$phase" = rotation ]; then
    touch "$WORK/rotating"; sleep 2
  fi
  local line
  line=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 10s -s "$LUA" "http://127.0.0.1:$port" \
    -- "$WORK/$file" "$start" "$count" | grep '^RESULT')
  [ -n "$floodpid" ] && wait "$floodpid"
  rm -f "$WORK/rotating"
  local requests non2xx
  RPS[$label]=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<< "$line")
  P50[$label]=$(sed -E 's/.* p50_us=([0-9]+).*/\1/' <<< "$line")
  P99[$label]=$(sed -E 's/.* p99_us=([0-9]+).*/\1/' <<< "$line")
  requests=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<< "$line")
  non2xx=$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<< "$line")
  local note=""
  [ "$file" = fresh.txt ] && [ "$requests" -gt "$count" ] && note=" WARNING: more requests than fresh tokens, some repeated"
  [ "$non2xx" -gt 0 ] && note="$note WARNING: $non2xx non-2xx answers"
  [ "$phase" = flood ] && note="$note (flood: $(grep '^RESULT' "$WORK/flood-$label.out" | sed -E 's/.* rps=([0-9.]+).* non2xx=([0-9]+).*/\1 rejections\/s, \2 refused/'))"
  [ "$phase" = rotation ] && note="$note (rotations so far: $(cat "$WORK/rotations" 2>/dev/null || echo 0))"
  printf '%-28s %9.0f req/s  p50 %6d us  p99 %7d us%s\n' "$label" "${RPS[$label]}" "${P50[$label]}" "${P99[$label]}" "$note" | tee -a "$OUT"
}

ratio() { python3 -c "print(f'{float($1)/float($2):.2f}x')"; }

mkdir -p "$(dirname "$OUT")"
{ echo "# benchmarks/load.sh, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# wrk -t1 -c$CONNECTIONS, ${SECONDS_PER_RUN}s per run after ${WARMUP}s warm-up; flood: wrk -t1 -c$FLOOD_CONNECTIONS beside it"; } | tee "$OUT"

# Spring Boot example: Keyfence, then the same jar on Spring's NimbusJwtDecoder
PORT=$(free_port)
start_server spring-keyfence java $JAVA_OPTS -Dkeyfence.config="$WORK/keyfence.yaml" -jar "$SPRING_JAR" --server.port="$PORT"
check_ok "$PORT"
run spring-keyfence-fresh "$PORT" fresh.txt 0 "$SLICE"
run spring-keyfence-repeat "$PORT" repeat.txt 0 100000000
run spring-keyfence-flood "$PORT" fresh.txt "$SLICE" "$SLICE" flood
run spring-keyfence-rotation "$PORT" fresh.txt "$((2 * SLICE))" "$SLICE" rotation
stop_server

PORT=$(free_port)
# shellcheck disable=SC2046
start_server spring-nimbus java $JAVA_OPTS -jar "$SPRING_JAR" --server.port="$PORT" $(cat "$WORK/spring-nimbus.args")
check_ok "$PORT"
run spring-nimbus-fresh "$PORT" fresh.txt 0 "$FRESH_TOTAL"
run spring-nimbus-repeat "$PORT" repeat.txt 0 100000000
stop_server

# Servlet example: Keyfence, then the same Tomcat with no filter
PORT=$(free_port)
start_server servlet-keyfence java $JAVA_OPTS -Dkeyfence.config="$WORK/keyfence.yaml" -Dport="$PORT" -jar "$SERVLET_JAR"
check_ok "$PORT"
run servlet-keyfence-fresh "$PORT" fresh.txt 0 "$SLICE"
run servlet-keyfence-repeat "$PORT" repeat.txt 0 100000000
run servlet-keyfence-flood "$PORT" fresh.txt "$SLICE" "$SLICE" flood
run servlet-keyfence-rotation "$PORT" fresh.txt "$((2 * SLICE))" "$SLICE" rotation
stop_server

PORT=$(free_port)
start_server servlet-no-filter java $JAVA_OPTS -cp "$SERVLET_JAR" "$ROOT/benchmarks/load/NoFilterServer.java" "$PORT"
run servlet-no-filter "$PORT" fresh.txt 0 "$FRESH_TOTAL"
stop_server

{ echo
  echo "ratios (same run):"
  echo "  Spring, fresh tokens: Keyfence vs NimbusJwtDecoder   $(ratio "${RPS[spring-keyfence-fresh]}" "${RPS[spring-nimbus-fresh]}") req/s (target >= 1.0x)"
  echo "  Spring, repeat mix:   Keyfence vs NimbusJwtDecoder   $(ratio "${RPS[spring-keyfence-repeat]}" "${RPS[spring-nimbus-repeat]}") req/s (target >= 3x)"
  echo "  Spring, p99 flood / idle                            $(ratio "${P99[spring-keyfence-flood]}" "${P99[spring-keyfence-fresh]}") (target <= 2x)"
  echo "  Spring, p99 rotation / idle                         $(ratio "${P99[spring-keyfence-rotation]}" "${P99[spring-keyfence-fresh]}") (target <= 2x)"
  echo "  Servlet, fresh tokens: Keyfence vs no filter        $(ratio "${RPS[servlet-keyfence-fresh]}" "${RPS[servlet-no-filter]}") req/s"
  echo "  Servlet, repeat mix:   Keyfence vs no filter        $(ratio "${RPS[servlet-keyfence-repeat]}" "${RPS[servlet-no-filter]}") req/s"
  echo "  Servlet, p99 flood / idle                           $(ratio "${P99[servlet-keyfence-flood]}" "${P99[servlet-keyfence-fresh]}") (target <= 2x)"
  echo "  Servlet, p99 rotation / idle                        $(ratio "${P99[servlet-keyfence-rotation]}" "${P99[servlet-keyfence-fresh]}") (target <= 2x)"
  echo "  key-set fetches served during the whole run: $(cat "$WORK/key-set-hits" 2>/dev/null || echo '?')"
} | tee -a "$OUT"
