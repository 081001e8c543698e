#!/usr/bin/env bash
# One machine, every core: stage 9 as one instance on one core, then as one instance per core sharing the port with
# SO_REUSEPORT (the reusePort setting), against nginx with one worker and with one worker per core (its listen
# directive's reuseport does the same). See "When one machine is not enough" in stage9-speed/README.md.
#
#   bench/scale-out.sh
#   DURATION=5s REPEATS=1 bench/scale-out.sh
#
# Every configuration gets the same client: wrk with one thread per core, on no core of its own, since the servers
# now want them all. On a machine with few cores that client takes a large share of them, so the rates below are
# lower than those of bench/run.sh, whose wrk has a core to itself; compare the rows of one run with each other.
#
# Settings: DURATION=10s, REPEATS=3 (the median is reported), WARMUP=10s (once for each server), CONNECTIONS=64, BUILD=1,
# RESULTS_FILE (JSON lines; by default bench/results/scale-out-STAMP.jsonl). Linux only (taskset, /proc).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION_S=$(seconds_of DURATION 10s)
WARMUP_S=$(seconds_of WARMUP 10s)
REPEATS=${REPEATS:-3}
CONNECTIONS=${CONNECTIONS:-64}
RESULTS_FILE=${RESULTS_FILE:-$REPO_DIR/bench/results/scale-out-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
STAGE=stage9-speed
CORES=$(nproc)

install_traps
WORK=$(mktemp -d -t lowweb-scale.XXXXXX)
mkdir -p "$WORK/run" "$(dirname "$RESULTS_FILE")"
ensure_tools
find_jdk
((CORES >= 2)) || die "one CPU: there is nothing to scale out to"
STAGES=("$STAGE")
if [[ $BUILD == 1 ]]; then
    log "building $STAGE"
    (cd "$REPO_DIR" && ./mvnw -q -B -pl "$STAGE" -am package -DskipTests) >"$WORK/build.log" 2>&1 \
        || { tail -20 "$WORK/build.log" >&2; die "$STAGE does not build"; }
fi
[[ -f $(stage_jar "$STAGE") ]] || die "no $(stage_jar "$STAGE")"
make_site
arm_time_limit $((4 * (WARMUP_S + 2 * REPEATS * (DURATION_S + 30)) + 600))

# INSTANCES servers of stage 9 on one port, instance i pinned to core i.
start_stage9() {
    local instances=$1 i rundir java=("$JAVA" "@$REPO_DIR/$STAGE/jvm.options")
    [[ -f $REPO_DIR/$STAGE/target/startup.options ]] && java+=("@$REPO_DIR/$STAGE/target/startup.options")
    PORT=$(free_port)
    for ((i = 0; i < instances; i++)); do
        rundir=$WORK/run/stage9-$instances-$i
        mkdir -p "$rundir"
        # Each instance its own access log: two processes appending to one file would interleave their lines.
        printf '{"host": "127.0.0.1", "port": %s, "root": "%s", "accessLog": "%s", "reusePort": %s}\n' \
            "$PORT" "$SITE" "$rundir/access.log" "$( ((instances > 1)) && echo true || echo false)" \
            >"$rundir/settings.json"
        # launch pins a server to SERVER_CPU and waits for its first 200; here each instance gets a core of its own.
        SERVER_CPU=$(( (SERVER_CPU + i) % CORES )) launch "stage9-$instances-$i" "${java[@]}" \
            -jar "$(stage_jar "$STAGE")" --config "$rundir/settings.json" || die "stage 9 instance $i did not start"
        RUNNING+=("stage9-$instances-$i")
    done
}

# nginx with WORKERS worker processes, each on a core of its own, each with its own listening socket (reuseport).
start_nginx_workers() {
    local workers=$1 dir=$WORK/run/nginx-$1 affinity="" i
    PORT=$(free_port)
    for ((i = 0; i < workers; i++)); do
        affinity+=" $(printf '%0*d' "$CORES" 0 | sed "s/0/1/$((CORES - (SERVER_CPU + i) % CORES))")"
    done
    write_nginx_conf "$dir" "$workers" "${affinity# }" "127.0.0.1:$PORT$( ((workers > 1)) && echo " reuseport")"
    # The master starts on SERVER_CPU; worker_cpu_affinity then moves each worker to its own core.
    SERVER_PORT[nginx-$workers]=$PORT
    launch "nginx-$workers" "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" \
        || die "nginx with $workers workers did not start"
    RUNNING+=("nginx-$workers")
}

stop_running() {
    local name
    for name in "${RUNNING[@]}"; do stop_server "$name"; done
    RUNNING=()
}

# wrk with one thread per core, on every core; prints the JSON line of bench/report.lua.
measure() {
    local duration=$1
    shift
    timeout -k 5 $((${duration%s} + 60)) "$WRK" -t "$CORES" -c "$CONNECTIONS" -d "$duration" \
        --timeout 4s -s "$BENCH_DIR/report.lua" "$@" "http://127.0.0.1:$PORT$SMALL_PATH" \
        | sed -n 's/^BENCH_JSON //p' | tail -1
}

: >"$RESULTS_FILE"
RUNNING=()
for config in stage9:1 stage9:$CORES nginx:1 nginx:$CORES; do
    server=${config%:*} count=${config#*:}
    if [[ $server == stage9 ]]; then start_stage9 "$count"; else start_nginx_workers "$count"; fi
    # The JIT compiler needs a few seconds of load before the JVM runs at full speed.
    measure "${WARMUP_S}s" >/dev/null || true
    for scenario in keepalive close; do
        headers=()
        [[ $scenario == close ]] && headers=(-H "Connection: close")
        for ((run = 1; run <= REPEATS; run++)); do
            json=$(measure "${DURATION_S}s" "${headers[@]}" || true)
            json_line server="$server" processes="$count" cores="$CORES" scenario="$scenario" run="$run" \
                connections="$CONNECTIONS" duration_s="$DURATION_S" wrk="${json:-null}" >>"$RESULTS_FILE"
            log "$server ×$count $scenario run $run: $(requests_per_second "${json:-null}") req/s"
        done
    done
    stop_running
    if [[ $server == stage9 ]]; then
        # How the kernel spread the connections: the requests each instance logged.
        log "requests per instance: $(for f in "$WORK"/run/stage9-"$count"-*/access.log; do wc -l <"$f"; done | xargs)"
    fi
done

python3 - "$RESULTS_FILE" <<'EOF'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def rate(row):
    w = row["wrk"]
    return w["requests"] / w["duration_us"] * 1e6 if w and not any(w["errors"].values()) else None
table = {}
for row in rows:
    table.setdefault((row["server"], row["processes"]), {}).setdefault(row["scenario"], []).append(rate(row))
def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
def cell(value):
    return "-" if value is None else f"{value:,.0f}"
print("| server | processes | small page keep-alive, req/s | Connection: close, req/s |")
print("|---|---:|---:|---:|")
for (server, processes), scenarios in table.items():
    print(f"| {server} | {processes} | {cell(median(scenarios.get('keepalive', [])))}"
          f" | {cell(median(scenarios.get('close', [])))} |")
EOF
echo "results: $RESULTS_FILE" >&2
