#!/usr/bin/env bash
# The stage-5 lesson, measured: wrk on the small page, first alone, then while one slow client holds a connection
# open with half a request. A server that serves one client at a time (stages 2-4) stops answering everybody else;
# one that gives every connection its own (virtual) thread goes on as before. See bench/README.md.
#
#   bench/slow-client.sh                      # every built stage, nginx and jwebserver, 5 s per measurement
#   STAGES_ONLY=stage4-config,stage5-threads DURATION=3s bench/slow-client.sh
#
# Settings: DURATION=5s, CONNECTIONS=16, WARMUP=3s, WRK_TIMEOUT=2s, BUILD=1, PEERS=1 (0: stages only),
# STAGES_ONLY (comma-separated; may also name nginx or jwebserver), RESULTS_FILE (JSON lines; by default
# bench/results/slow-client-STAMP.jsonl).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION_S=$(seconds_of DURATION 5s)
WARMUP_S=$(seconds_of WARMUP 3s)
CONNECTIONS=${CONNECTIONS:-16}
PEERS=${PEERS:-1}
# Short, so that the requests stuck behind the slow client show up as timeouts within the measurement.
export WRK_TIMEOUT=${WRK_TIMEOUT:-2s}
RESULTS_FILE=${RESULTS_FILE:-$REPO_DIR/bench/results/slow-client-$(date -u +%Y%m%dT%H%M%SZ).jsonl}

install_traps
WORK=$(mktemp -d -t lowweb-slow.XXXXXX)
mkdir -p "$WORK/run" "$(dirname "$RESULTS_FILE")"
ensure_tools
find_jdk
check_cpus
discover_stages
build_stages
SKIPPED_STAGES=()
built_stages
make_site
arm_time_limit $((((${#BUILT_STAGES[@]} + 2) * (2 * DURATION_S + WARMUP_S + 20)) + 600))

if [[ -n ${STAGES_ONLY:-} ]]; then
    IFS=, read -ra TARGETS <<<"$STAGES_ONLY"
else
    TARGETS=("${BUILT_STAGES[@]}")
    [[ $PEERS == 1 ]] && TARGETS+=(nginx jwebserver)
fi

: >"$RESULTS_FILE"
for name in "${TARGETS[@]}"; do
    start_server "$name" || continue
    url="http://127.0.0.1:${SERVER_PORT[$name]}$SMALL_PATH"
    ((WARMUP_S == 0)) || run_wrk "$CONNECTIONS" "${WARMUP_S}s" "$url" >/dev/null 2>&1 || true

    for phase in alone with-slow-client; do
        slow_pid=""
        if [[ $phase == with-slow-client ]]; then
            python3 "$BENCH_DIR/slow_client.py" "${SERVER_PORT[$name]}" $((DURATION_S + 10)) \
                >"$WORK/run/$name/slow-client.log" 2>&1 &
            slow_pid=$!
            STARTED_PIDS+=("$slow_pid")
            sleep 1 # lets the server accept the slow client before wrk's connections arrive
        fi
        out=$WORK/run/$name/wrk-$phase.txt
        run_wrk "$CONNECTIONS" "${DURATION_S}s" "$url" >"$out" 2>&1 || true
        [[ -n $slow_pid ]] && { kill -TERM "$slow_pid" 2>/dev/null || true; wait "$slow_pid" 2>/dev/null || true; }
        json=$(wrk_json "$out")
        json_line server="$name" phase="$phase" connections="$CONNECTIONS" duration_s="$DURATION_S" \
            warmup_s="$WARMUP_S" wrk="${json:-null}" >>"$RESULTS_FILE"
        log "$name $phase: $(requests_per_second "${json:-null}") req/s"
    done
    stop_server "$name"
done

python3 "$BENCH_DIR/report.py" --slow-table "$RESULTS_FILE"
