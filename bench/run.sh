#!/usr/bin/env bash
# Benchmarks every HTTP stage side by side with nginx and jwebserver on the same files, in one run, and writes
# docs/benchmarks.md and docs/benchmarks.svg. See bench/README.md.
#
#   bench/run.sh                              # the full run: 10 s cells, 3 repetitions, the report of record
#   bench/run.sh --quick                      # every stage and nginx in under 5 minutes; the report goes to
#                                             # bench/results/STAMP/, the summary table to the terminal
#   SERVERS=stage4-config,nginx SCENARIOS=small-keepalive DURATION=2s REPEATS=1 bench/run.sh
#
# Settings (environment variables):
#   DURATION=10s     length of one wrk run (a cell)           REPEATS=3     runs per cell; the median is reported
#   WARMUP=3s        wrk per file on each server before       PAUSE=1       seconds of rest between two cells
#   WRK_TIMEOUT=4s   a response later than this is an error   BUILD=1       0: use the jars already built
#   SERVERS=...      comma-separated subset of the servers    SCENARIOS=... comma-separated subset of the scenarios
#   SLOW_CLIENT=1    0: skip the slow-client demonstration    SLOW_DURATION=5s  its wrk runs (bench/slow-client.sh)
#   IDLE=10000       idle keep-alive connections held at the end (0: none); IDLE_LOAD=2s  wrk meanwhile, on others
#   NOTE=...         a paragraph at the top of the report (say so when the machine was busy)
#   SEND_BUFFER=...  a fixed send buffer in bytes for nginx (sndbuf=) and for stage 9 (sendBufferBytes); unset:
#                    each connection's buffer is sized by the system, as both do by default
#   NOTSENT_LOWAT=.. the system's net.ipv4.tcp_notsent_lowat in bytes for the run (needs root or sudo; the value
#                    before is put back at the end); unset: left as it is. It is the system's, so every server has it
#   OUT_MD, OUT_SVG  where the report goes (docs/benchmarks.md, docs/benchmarks.svg)
#   SERVER_CPU=1, CLIENT_CPU=0, BENCH_JDK=/path/to/jdk, KEEP_TMP=1 (keep the temp folder for a look afterwards)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --quick: one short run of each cell, every stage and nginx (not jwebserver), no slow-client demonstration, no idle
# connections, and a report beside the raw results instead of over the report of record. Settings given in the
# environment still win.
QUICK=0
case ${1:-} in
    --quick) QUICK=1 ;;
    "") ;;
    *) die "usage: bench/run.sh [--quick] (settings go in environment variables; see the top of this file)" ;;
esac
if ((QUICK)); then
    : "${DURATION:=2s}" "${REPEATS:=1}" "${WARMUP:=3s}" "${PAUSE:=0}" "${SLOW_CLIENT:=0}" "${IDLE:=0}"
fi

DURATION_S=$(seconds_of DURATION 10s)
WARMUP_S=$(seconds_of WARMUP 3s)
REPEATS=${REPEATS:-3}
PAUSE=${PAUSE:-1}
SLOW_CLIENT=${SLOW_CLIENT:-1}
IDLE=${IDLE:-10000}
IDLE_LOAD_S=$(seconds_of IDLE_LOAD 2s)
[[ $IDLE =~ ^[0-9]+$ ]] || die "IDLE must be a whole number of connections, got \"$IDLE\""
[[ $REPEATS =~ ^[1-9][0-9]*$ ]] || die "REPEATS must be a whole number of at least 1, got \"$REPEATS\""
[[ $PAUSE =~ ^[0-9]+$ ]] || die "PAUSE must be a whole number of seconds, got \"$PAUSE\""
if [[ -n ${SEND_BUFFER:-} ]]; then
    [[ $SEND_BUFFER =~ ^[1-9][0-9]*$ ]] || die "SEND_BUFFER must be a whole number of bytes, got \"$SEND_BUFFER\""
    NOTE="Every connection of nginx and stage 9 had a send buffer of $SEND_BUFFER bytes (SEND_BUFFER).${NOTE:+ $NOTE}"
fi
if [[ -n ${NOTSENT_LOWAT:-} ]]; then
    [[ $NOTSENT_LOWAT =~ ^[1-9][0-9]*$ ]] \
        || die "NOTSENT_LOWAT must be a whole number of bytes, got \"$NOTSENT_LOWAT\""
    NOTE="The system's net.ipv4.tcp_notsent_lowat was $NOTSENT_LOWAT bytes for every server (NOTSENT_LOWAT).${NOTE:+ $NOTE}"
fi

# name|connections|file|extra wrk flag. The titles live in bench/report.py.
ALL_SCENARIOS=(
    "small-keepalive|64|small|"
    "small-close|16|small|Connection: close"
    "image-keepalive|64|image|"
    "large|16|large|"
    "small-1000|1000|small|"
)

install_traps
[[ -n ${NOTSENT_LOWAT:-} ]] && set_notsent_lowat "$NOTSENT_LOWAT"
WORK=$(mktemp -d -t lowweb-bench.XXXXXX)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$REPO_DIR/bench/results/$STAMP
mkdir -p "$RESULTS/wrk" "$WORK/run"
if ((QUICK)); then
    OUT_MD=${OUT_MD:-$RESULTS/benchmarks.md}
    OUT_SVG=${OUT_SVG:-$RESULTS/benchmarks.svg}
else
    OUT_MD=${OUT_MD:-$REPO_DIR/docs/benchmarks.md}
    OUT_SVG=${OUT_SVG:-$REPO_DIR/docs/benchmarks.svg}
fi

ensure_tools
find_jdk
check_cpus
discover_stages
build_stages
SKIPPED_STAGES=() FAILED_SERVERS=()
built_stages
make_site

# Enough file descriptors for 1000 connections on each side, and for the idle connections on the client's side
# (the JVM raises its own limit to the hard one; nginx.conf says worker_rlimit_nofile).
want_files=$((IDLE + 4096))
(($(ulimit -n) >= want_files)) || ulimit -n "$want_files" 2>/dev/null \
    || log "warning: ulimit -n is $(ulimit -n), the idle scenario needs $want_files"

SERVERS_WANTED=("${BUILT_STAGES[@]}" nginx jwebserver)
((QUICK)) && SERVERS_WANTED=("${BUILT_STAGES[@]}" nginx)
if [[ -n ${SERVERS:-} ]]; then
    IFS=, read -ra SERVERS_WANTED <<<"$SERVERS"
fi
SCENARIO_LIST=()
for spec in "${ALL_SCENARIOS[@]}"; do
    if [[ -z ${SCENARIOS:-} || ,$SCENARIOS, == *",${spec%%|*},"* ]]; then SCENARIO_LIST+=("$spec"); fi
done
((${#SCENARIO_LIST[@]})) || die "SCENARIOS=$SCENARIOS names none of: $(printf '%s ' "${ALL_SCENARIOS[@]%%|*}")"

cells=$((${#SERVERS_WANTED[@]} * ${#SCENARIO_LIST[@]} * REPEATS))
estimate=$((cells * (DURATION_S + PAUSE + 1) + ${#SERVERS_WANTED[@]} * (3 * WARMUP_S + 5)))
arm_time_limit $((2 * estimate + 900))
log "${#SERVERS_WANTED[@]} servers x ${#SCENARIO_LIST[@]} scenarios x $REPEATS runs of ${DURATION_S}s:" \
    "about $(((estimate + 59) / 60)) minutes; raw results in ${RESULTS#"$REPO_DIR"/}"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- start every server, one at a time, so that each start-up time is measured alone ---------------------------------
RUNNING=()
for name in "${SERVERS_WANTED[@]}"; do
    if [[ $name == stage* && ! -f $(stage_jar "$name") ]]; then
        log "warning: no jar for $name"
        continue
    fi
    if start_server "$name"; then RUNNING+=("$name"); else FAILED_SERVERS+=("$name"); fi
done
((${#RUNNING[@]})) || die "no server started"

url_of() {
    local name=$1 file=$2 path
    case $file in
        small) path=$SMALL_PATH ;;
        image) path=$IMAGE_PATH ;;
        large) path=$LARGE_PATH ;;
    esac
    echo "http://127.0.0.1:${SERVER_PORT[$name]}$path"
}

# Every server must answer each file with 200 and the file's exact size before it is measured.
for name in "${RUNNING[@]}"; do
    for file in small image large; do
        url=$(url_of "$name" "$file")
        got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time 10 "$url" || true)
        want="200 $(stat -c %s "$SITE${url#http://127.0.0.1:"${SERVER_PORT[$name]}"}")"
        if [[ $got != "$want" ]]; then
            log "warning: $name answers $url with \"$got\", expected \"$want\""
            echo "$name answers ${url#http://127.0.0.1:*/} with \"$got\", expected \"$want\"" \
                >>"$RESULTS/check-failures.txt"
        fi
    done
done

# --- warm-up: the JIT compiles the hot paths before anything is counted ---------------------------------------------
if ((WARMUP_S > 0)); then
    for name in "${RUNNING[@]}"; do
        log "warming up $name"
        for file in small image large; do
            run_wrk 16 "${WARMUP_S}s" "$(url_of "$name" "$file")" >/dev/null 2>&1 || true
        done
    done
fi

# --- the cells: each repetition goes through every scenario and server, so a busy moment on the machine spreads over
# all servers instead of landing on one -----------------------------------------------------------------------------
: >"$RESULTS/cells.jsonl"
for ((rep = 1; rep <= REPEATS; rep++)); do
    for spec in "${SCENARIO_LIST[@]}"; do
        IFS='|' read -r scenario connections file header <<<"$spec"
        for name in "${RUNNING[@]}"; do
            url=$(url_of "$name" "$file")
            out=$RESULTS/wrk/$scenario.$name.$rep.txt
            extra=()
            [[ -n $header ]] && extra=(-H "$header")
            note=""
            if ! kill -0 "${SERVER_PID[$name]}" 2>/dev/null; then
                note="server not running"
                echo "$note" >"$out"
                rc=-1
            else
                sleep "$PAUSE"
                set +e
                run_wrk "$connections" "${DURATION_S}s" "$url" "${extra[@]}" >"$out" 2>&1
                rc=$?
                set -e
            fi
            json=$(wrk_json "$out")
            [[ -n $json ]] || { json=null; [[ -n $note ]] || note=$(grep -v '^ *$' "$out" | tail -1); }
            json_line server="$name" scenario="$scenario" repeat="$rep" connections="$connections" url="$url" \
                wrk_exit="$rc" note="$note" wrk="$json" >>"$RESULTS/cells.jsonl"
            rps=$(requests_per_second "$json")
            log "run $rep/$REPEATS $scenario $name: $rps req/s${note:+ ($note)}"
        done
    done
done

# --- memory at the end of the scenarios ------------------------------------------------------------------------------
declare -A RSS_AT_END=() HWM_AT_END=() ALIVE_AT_END=()
for name in "${SERVERS_WANTED[@]}"; do
    pid=${SERVER_PID[$name]:-}
    RSS_AT_END[$name]=0 HWM_AT_END[$name]=0 ALIVE_AT_END[$name]=false
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        RSS_AT_END[$name]=$(memory_kib "$pid" VmRSS) HWM_AT_END[$name]=$(memory_kib "$pid" VmHWM)
        ALIVE_AT_END[$name]=true
    fi
done

# --- idle connections: IDLE keep-alive connections, one request each, held while others are served ----------------
: >"$RESULTS/idle.jsonl"
if ((IDLE > 0)); then
    mkdir -p "$RESULTS/idle"
    for name in "${RUNNING[@]}"; do
        pid=${SERVER_PID[$name]}
        kill -0 "$pid" 2>/dev/null || continue
        sleep "$PAUSE"
        out=$RESULTS/idle/$name
        control=$WORK/idle-$name.done
        before=$(memory_kib "$pid" VmRSS)
        taskset -c "$CLIENT_CPU" python3 "$BENCH_DIR/idle.py" "${SERVER_PORT[$name]}" "$SMALL_PATH" "$IDLE" \
            "$control" >"$out.txt" 2>&1 &
        holder=$!
        STARTED_PIDS+=("$holder")
        until grep -q '^held ' "$out.txt" || ! kill -0 "$holder" 2>/dev/null; do sleep 0.1; done
        holding=$(memory_kib "$pid" VmRSS)
        set +e
        run_wrk 16 "${IDLE_LOAD_S}s" "$(url_of "$name" small)" >"$out.wrk.txt" 2>&1
        set -e
        after_load=$(memory_kib "$pid" VmRSS)
        touch "$control"
        wait "$holder" || true
        held=$(sed -n 's/^held //p' "$out.txt")
        after=$(sed -n 's/^after //p' "$out.txt")
        json=$(wrk_json "$out.wrk.txt")
        json_line server="$name" connections="$IDLE" held="${held:-null}" after="${after:-null}" \
            rss_before_kib="$before" rss_holding_kib="$holding" rss_after_load_kib="$after_load" \
            load_seconds="$IDLE_LOAD_S" wrk="${json:-null}" >>"$RESULTS/idle.jsonl"
        log "idle $name: ${held:-no answer} while others got $(requests_per_second "${json:-null}") req/s;" \
            "resident $((before / 1024)) -> $((holding / 1024)) MiB"
    done
fi

# --- stop ------------------------------------------------------------------------------------------------------------
: >"$RESULTS/servers.jsonl"
for name in "${SERVERS_WANTED[@]}"; do
    rss=${RSS_AT_END[$name]} hwm=${HWM_AT_END[$name]} alive=${ALIVE_AT_END[$name]}
    json_line server="$name" kind="${SERVER_KIND[$name]:-stage}" port="${SERVER_PORT[$name]:-0}" \
        startup_ms="${SERVER_STARTUP_MS[$name]:-null}" rss_kib="$rss" hwm_kib="$hwm" alive_at_end="$alive" \
        command="${SERVER_COMMAND[$name]:-}" note="${SERVER_NOTE[$name]:-}" >>"$RESULTS/servers.jsonl"
    stop_server "$name"
done

# The settings files as the servers read them, for the report.
mkdir -p "$RESULTS/config"
for name in "${RUNNING[@]}"; do
    for file in "$WORK/run/$name/nginx.conf" "$WORK/run/$name/settings.json"; do
        [[ -f $file ]] && cp "$file" "$RESULTS/config/$name.$(basename "$file")"
    done
done

# --- what the machine and the tools were ------------------------------------------------------------------------------
WRK_TIMEOUT=${WRK_TIMEOUT:-4s}
json_line date="$(date -u '+%Y-%m-%d %H:%M UTC')" stamp="$STAMP" repo_dir="$REPO_DIR" note="${NOTE:-}" \
    duration_s="$DURATION_S" repeats="$REPEATS" warmup_s="$WARMUP_S" pause="$PAUSE" wrk_timeout="$WRK_TIMEOUT" \
    server_cpu="$SERVER_CPU" client_cpu="$CLIENT_CPU" \
    wrk_cmd="taskset -c $CLIENT_CPU wrk -t 1 -c CONNECTIONS -d ${DURATION_S}s --timeout $WRK_TIMEOUT \
-s bench/report.lua [-H 'Connection: close'] URL" \
    small_path="$SMALL_PATH" image_path="$IMAGE_PATH" large_path="$LARGE_PATH" \
    small_bytes="$(stat -c %s "$SITE$SMALL_PATH")" image_bytes="$(stat -c %s "$SITE$IMAGE_PATH")" \
    large_bytes="$(stat -c %s "$SITE$LARGE_PATH")" \
    cpu_model="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" cpus="$(nproc --all)" \
    memory="$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" kernel="$(uname -sr)" \
    load_before="$LOAD_BEFORE" load_after="$(cut -d' ' -f1-3 /proc/loadavg)" \
    jdk_home="$JDK_HOME" jdk_version="$("$JAVA" -version 2>&1 | sed -n 2p)" \
    nginx_version="$("$NGINX" -v 2>&1 | sed 's/^nginx version: //')" \
    wrk_version="$("$WRK" -v 2>&1 | head -1 | cut -d' ' -f1-2)" \
    skipped="${SKIPPED_STAGES[*]:-} ${FAILED_SERVERS[*]:-}" >"$RESULTS/meta.json"

# --- the stage-5 lesson: one slow client against each stage ---------------------------------------------------------
if [[ $SLOW_CLIENT == 1 ]]; then
    log "slow-client demonstration (bench/slow-client.sh)"
    BUILD=0 STAGES_ONLY=$(IFS=,; echo "${RUNNING[*]}") RESULTS_FILE=$RESULTS/slow-client.jsonl \
        DURATION=${SLOW_DURATION:-5s} WARMUP=${SLOW_WARMUP:-3s} WRK_TIMEOUT=${SLOW_WRK_TIMEOUT:-2s} \
        "$BENCH_DIR/slow-client.sh" >/dev/null || log "warning: the slow-client demonstration failed"
fi

python3 "$BENCH_DIR/report.py" "$RESULTS" --md "$OUT_MD" --svg "$OUT_SVG"
log "wrote ${OUT_MD#"$REPO_DIR"/} and ${OUT_SVG#"$REPO_DIR"/} from ${RESULTS#"$REPO_DIR"/}"
if ((QUICK)); then
    # The summary table, as the report has it: one line per server, requests per second and the ratio to nginx.
    sed -n '/^## Summary/,/^### /p' "$OUT_MD" | sed '$d'
fi
