# Shared by bench/run.sh and bench/slow-client.sh: finding the tools, building and discovering the stages, starting
# each server pinned to one CPU, and stopping every process this script started, by PID, whatever way it ends.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)

SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
BUILD=${BUILD:-1}
KEEP_TMP=${KEEP_TMP:-0}

declare -a STARTED_PIDS=()
declare -A SERVER_PID=() SERVER_PORT=() SERVER_STARTUP_MS=() SERVER_COMMAND=() SERVER_KIND=() SERVER_NOTE=()
WORK=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- clean-up -------------------------------------------------------------------------------------------------------

# Every process this script started, by PID (never by name: other people's servers run on this machine too).
cleanup() {
    set +e
    local pid child
    for pid in "${STARTED_PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            for child in $(pgrep -P "$pid" 2>/dev/null); do kill -TERM "$child" 2>/dev/null; done
            kill -TERM "$pid" 2>/dev/null
        fi
    done
    for pid in "${STARTED_PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    done
    if [[ -n $LOWAT_BEFORE ]]; then
        as_root sysctl -q -w "net.ipv4.tcp_notsent_lowat=$LOWAT_BEFORE" && log "tcp_notsent_lowat back to $LOWAT_BEFORE"
    fi
    if [[ -n $WORK && -d $WORK ]]; then
        if [[ $KEEP_TMP == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
}

install_traps() {
    trap cleanup EXIT
    trap 'log "interrupted"; exit 130' INT
    trap 'log "terminated"; exit 143' TERM
    trap 'log "time limit reached"; exit 124' ALRM
}

as_root() {
    if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

# How much of what a socket is given may wait unsent in the kernel, for every socket of the machine; the value before
# is put back by cleanup. Unset (the default, 4294967295 on Linux), a socket queues all its send buffer holds.
LOWAT_BEFORE=""
set_notsent_lowat() {
    local before
    before=$(sysctl -n net.ipv4.tcp_notsent_lowat) || die "cannot read net.ipv4.tcp_notsent_lowat"
    as_root sysctl -q -w "net.ipv4.tcp_notsent_lowat=$1" || die "cannot set net.ipv4.tcp_notsent_lowat to $1"
    LOWAT_BEFORE=$before
    log "tcp_notsent_lowat $before -> $1 for this run"
}

# The whole run ends by itself: after LIMIT seconds a SIGALRM makes the script exit through its clean-up.
arm_time_limit() {
    local limit=$1
    (sleep "$limit" && kill -ALRM $$ 2>/dev/null) &
    local watchdog=$!
    STARTED_PIDS+=("$watchdog")
    # The watchdog's sleep is a child of the watchdog subshell; clean-up kills it through pgrep -P.
}

# --- tools ----------------------------------------------------------------------------------------------------------

ensure_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
    command -v curl >/dev/null || missing+=(curl)
    command -v taskset >/dev/null || missing+=(util-linux)
    command -v pgrep >/dev/null || missing+=(procps)
    if ((${#missing[@]})); then
        log "installing from apt: ${missing[*]}"
        local sudo=()
        [[ $(id -u) == 0 ]] || sudo=(sudo)
        "${sudo[@]}" apt-get update -q >&2 || die "apt-get update failed"
        # Others may run apt at the same time: wait for their lock instead of failing.
        if ! "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >&2; then
            local fallback=("${missing[@]/nginx-light/nginx}")
            "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "${fallback[@]}" >&2 \
                || die "cannot install ${missing[*]}"
        fi
    fi
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    WRK=$(command -v wrk)
}

# The newest JDK 21 or later: $BENCH_JDK if given, otherwise under /usr/lib/jvm.
find_jdk() {
    local home best="" best_major=0 major
    if [[ -n ${BENCH_JDK:-} ]]; then
        [[ -x $BENCH_JDK/bin/java ]] || die "BENCH_JDK=$BENCH_JDK has no bin/java"
        JDK_HOME=$BENCH_JDK
    else
        for home in /usr/lib/jvm/*/; do
            home=${home%/}
            [[ -x $home/bin/java && ! -L $home ]] || continue
            major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
            [[ -n $major ]] || major=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
            if [[ -n $major ]] && ((major >= 21 && major > best_major)); then
                best=$home best_major=$major
            fi
        done
        [[ -n $best ]] || die "no JDK 21 or newer under /usr/lib/jvm; set BENCH_JDK=/path/to/jdk"
        JDK_HOME=$best
    fi
    JAVA=$JDK_HOME/bin/java
    JWEBSERVER=$JDK_HOME/bin/jwebserver
    [[ -x $JWEBSERVER ]] || die "$JDK_HOME has no bin/jwebserver (needs JDK 18 or newer)"
}

# Two CPUs or more: the server gets one, wrk another, so they do not take turns on the same core.
check_cpus() {
    local cpus
    cpus=$(nproc --all)
    if ((cpus < 2)); then
        log "warning: only $cpus CPU; server and wrk share it"
        SERVER_CPU=0 CLIENT_CPU=0
    fi
}

# --- the stages -----------------------------------------------------------------------------------------------------

# Every HTTP stage folder (stage2 and up; stage1 is a TCP echo server), in order.
discover_stages() {
    local dir
    STAGES=()
    for dir in "$REPO_DIR"/stage[2-9]*-*/; do
        dir=${dir%/}
        [[ -f $dir/pom.xml ]] && STAGES+=("$(basename "$dir")")
    done
    ((${#STAGES[@]})) || die "no stage folders in $REPO_DIR"
}

# One build of every module; if it fails (a stage being written right now, say), each stage alone, so that the
# stages that do build are still measured.
build_stages() {
    [[ $BUILD == 1 ]] || { log "BUILD=0: using the jars already built"; return; }
    log "building the stages (./mvnw -q -B package -DskipTests)"
    if ! (cd "$REPO_DIR" && ./mvnw -q -B package -DskipTests) >"$WORK/build.log" 2>&1; then
        log "the full build failed (see below); building each stage alone"
        tail -20 "$WORK/build.log" >&2
        local stage
        for stage in "${STAGES[@]}"; do
            (cd "$REPO_DIR" && ./mvnw -q -B -pl "$stage" -am package -DskipTests) >"$WORK/build-$stage.log" 2>&1 \
                || log "warning: $stage does not build; it is left out"
        done
    fi
}

stage_jar() { echo "$REPO_DIR/$1/target/$1.jar"; }

# The stages with a jar, in order; the others are reported as left out.
built_stages() {
    local stage
    BUILT_STAGES=()
    for stage in "${STAGES[@]}"; do
        if [[ -f $(stage_jar "$stage") ]]; then
            BUILT_STAGES+=("$stage")
        else
            log "warning: no $(stage_jar "$stage"); $stage is left out"
            SKIPPED_STAGES+=("$stage")
        fi
    done
}

# --- the site -------------------------------------------------------------------------------------------------------

# A private copy of shared-site, so that nothing the servers do (or this script does) touches the repository.
make_site() {
    SITE=$WORK/site
    cp -r "$REPO_DIR/shared-site" "$SITE"
    chmod -R a+rX "$WORK"
    [[ -f $SITE/index.html && -f $SITE/img/large.png ]] || die "shared-site lacks index.html or img/large.png"
    # The image cell wants a file of about 50 KB; photo.jpg is one. If it ever changes size, make one that is.
    local size
    size=$(stat -c %s "$SITE/img/photo.jpg" 2>/dev/null || echo 0)
    if ((size >= 30000 && size <= 90000)); then
        IMAGE_PATH=/img/photo.jpg
    else
        head -c 51200 "$SITE/img/large.png" >"$SITE/img/bench-50k.png"
        IMAGE_PATH=/img/bench-50k.png
    fi
    SMALL_PATH=/index.html
    LARGE_PATH=/img/large.png
}

# --- starting and stopping servers ----------------------------------------------------------------------------------

# The whole seconds of the duration in the variable NAME ("10s" or "10"), or of DEFAULT when it is unset; a one-line
# error that names the variable otherwise.
seconds_of() {
    local name=$1 value=${!1:-$2}
    [[ $value =~ ^([0-9]+)s?$ ]] || die "$name must be whole seconds such as 10s, got \"$value\""
    echo "${BASH_REMATCH[1]}"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs "$@" pinned to the server CPU with the working folder $WORK/run/NAME, and waits until it serves: sets
# SERVER_STARTUP_MS, the time from just before the start to the first 200, and SERVER_PORT, which a stage names in its
# first line ("Listening on http://127.0.0.1:PORT/"; its port was 0). bench/first_response.py asks for the small page
# every millisecond from the client's CPU; it starts, and says it is ready, before the server does, since python3
# may take longer to start than a server takes to serve.
launch() {
    local name=$1
    shift
    local rundir=$WORK/run/$name t0 pid prober answer
    local probe=$rundir/first-response
    mkdir -p "$rundir"
    rm -f "$probe".*
    SERVER_COMMAND[$name]="taskset -c $SERVER_CPU $*"
    taskset -c "$CLIENT_CPU" python3 "$BENCH_DIR/first_response.py" "$probe" "$SMALL_PATH" \
        "${SERVER_PORT[$name]:-$rundir/out.log}" >"$probe.out" &
    prober=$!
    STARTED_PIDS+=("$prober")
    until [[ -e $probe.ready ]] || ! kill -0 "$prober" 2>/dev/null; do sleep 0.005; done
    t0=$(date +%s%N)
    # A UTF-8 locale whatever the shell's: under LANG=C a Java stage cannot name non-ASCII files and refuses to start.
    (cd "$rundir" && LC_ALL=C.UTF-8 exec taskset -c "$SERVER_CPU" "$@" >"$rundir/out.log" 2>&1 </dev/null) &
    pid=$!
    STARTED_PIDS+=("$pid")
    SERVER_PID[$name]=$pid
    echo "$t0 $pid" >"$probe.tmp" && mv "$probe.tmp" "$probe.start"
    if ! wait "$prober" || ! answer=$(<"$probe.out") || [[ -z $answer ]]; then
        log "warning: $name did not answer 200 for $SMALL_PATH; its output:"
        sed 's/^/    /' "$rundir/out.log" | head -20 >&2
        stop_server "$name"
        return 1
    fi
    SERVER_STARTUP_MS[$name]=${answer% *}
    SERVER_PORT[$name]=${answer#* }
    log "$name: pid $pid, port ${SERVER_PORT[$name]}, first response after ${SERVER_STARTUP_MS[$name]} ms"
}

start_stage() {
    local stage=$1 rundir=$WORK/run/$1 src=$REPO_DIR/$1/src/main/java
    local args=(--port 0 --root "$SITE")
    # A stage that chose its JVM options (heap, garbage collector) keeps them in jvm.options, a java argument file.
    local java=("$JAVA")
    [[ -f $REPO_DIR/$stage/jvm.options ]] && java+=("@$REPO_DIR/$stage/jvm.options")
    # A stage whose build makes a start-up cache names it in target/startup.options, another argument file.
    [[ -f $REPO_DIR/$stage/target/startup.options ]] && java+=("@$REPO_DIR/$stage/target/startup.options")
    SERVER_KIND[$stage]=stage
    mkdir -p "$rundir"
    # Stage 4 and later read a settings file; stage 5 and later write an access log, which must land in the temp
    # folder, not in the repository. Older stages refuse keys they do not know, so each gets only what it reads.
    if grep -rqs -- '"--config"' "$src"; then
        local log_setting=""
        grep -rqs '"accessLog"' "$src" && log_setting=", \"accessLog\": \"$rundir/access.log\""
        # SEND_BUFFER gives a stage that has the setting (stage 9) the send buffer nginx gets with sndbuf=.
        [[ -n ${SEND_BUFFER:-} ]] && grep -rqs '"sendBufferBytes"' "$src" \
            && log_setting+=", \"sendBufferBytes\": $SEND_BUFFER"
        printf '{"host": "127.0.0.1", "port": 0, "root": "%s"%s}\n' "$SITE" "$log_setting" >"$rundir/settings.json"
        args=(--config "$rundir/settings.json" "${args[@]}")
        if [[ -n $log_setting ]] && ! launch "$stage" "${java[@]}" -jar "$(stage_jar "$stage")" "${args[@]}"; then
            # The accessLog setting may take another form than a file name; the working folder is temporary anyway.
            log "retrying $stage without the accessLog setting"
            unset "SERVER_PORT[$stage]"
            printf '{"host": "127.0.0.1", "port": 0, "root": "%s"}\n' "$SITE" >"$rundir/settings.json"
            SERVER_NOTE[$stage]="accessLog setting refused; default log location (in the temp folder)"
        else
            [[ -n $log_setting ]] && return 0
        fi
    fi
    launch "$stage" "${java[@]}" -jar "$(stage_jar "$stage")" "${args[@]}"
}

# The nginx.conf in DIR: WORKERS worker processes (on the cores AFFINITY names, if given), one server on LISTEN for
# $SITE, sendfile, keep-alive and an access log, its temp folders in DIR/tmp.
write_nginx_conf() {
    local dir=$1 workers=$2 affinity=$3 listen=$4 user_line=""
    mkdir -p "$dir/tmp"
    # The user directive only means something to a master process running as root, which then runs its worker as
    # that user: the current one, so the worker can read the temp folder.
    [[ $(id -u) == 0 ]] && user_line="user $(id -un) $(id -gn);"
    cat >"$dir/nginx.conf" <<EOF
$user_line
worker_processes $workers;
${affinity:+worker_cpu_affinity $affinity;}
daemon off;
master_process on;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
worker_rlimit_nofile 32768;
events {
    worker_connections 16384;
}
http {
    types {
        text/html html;
        image/png png;
        image/jpeg jpg;
    }
    default_type application/octet-stream;
    access_log $dir/access.log;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen $listen${SEND_BUFFER:+ sndbuf=$SEND_BUFFER};
        root $SITE;
    }
}
EOF
}

# nginx as close to the stages' job as it gets: one worker, one CPU, sendfile, keep-alive, an access log.
start_nginx() {
    local dir=$WORK/run/nginx port
    port=$(free_port)
    SERVER_PORT[nginx]=$port
    SERVER_KIND[nginx]=peer
    write_nginx_conf "$dir" 1 "" "127.0.0.1:$port"
    launch nginx "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
}

start_jwebserver() {
    SERVER_PORT[jwebserver]=$(free_port)
    SERVER_KIND[jwebserver]=peer
    launch jwebserver "$JWEBSERVER" -b 127.0.0.1 -p "${SERVER_PORT[jwebserver]}" -d "$SITE"
}

start_server() {
    case $1 in
        nginx) start_nginx ;;
        jwebserver) start_jwebserver ;;
        *) start_stage "$1" ;;
    esac
}

stop_server() {
    local pid=${SERVER_PID[$1]:-} child
    [[ -n $pid ]] || return 0
    for child in $(pgrep -P "$pid" 2>/dev/null); do kill -TERM "$child" 2>/dev/null || true; done
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# Resident memory now and at its peak, in KiB, of a server and its children (nginx's worker).
memory_kib() {
    local pid=$1 field=$2 total=0 p value
    for p in "$pid" $(pgrep -P "$pid" 2>/dev/null); do
        value=$(awk -v f="$field:" '$1 == f { print $2 }' "/proc/$p/status" 2>/dev/null)
        total=$((total + ${value:-0}))
    done
    echo "$total"
}

# --- wrk ------------------------------------------------------------------------------------------------------------

# One wrk run pinned to the client CPU; prints wrk's output, whose last line is the JSON from bench/report.lua.
# A hard time limit on top of wrk's own duration, so that nothing can hang.
run_wrk() {
    local connections=$1 duration=$2 url=$3
    shift 3
    local seconds=${duration%s}
    timeout -k 5 $((seconds + 60)) taskset -c "$CLIENT_CPU" "$WRK" -t 1 -c "$connections" -d "$duration" \
        --timeout "${WRK_TIMEOUT:-4s}" -s "$BENCH_DIR/report.lua" "$@" "$url"
}

wrk_json() { sed -n 's/^BENCH_JSON //p' "$1" | tail -1; }

requests_per_second() {
    python3 -c 'import json, sys; w = json.loads(sys.argv[1])
print(round(w["requests"] / w["duration_us"] * 1e6) if w else "-")' "$1"
}

# --- results --------------------------------------------------------------------------------------------------------

# One JSON object from NAME=VALUE arguments. A value that is JSON already (a number, null, an object from
# bench/report.lua) is kept as it is; any other value becomes a string.
json_line() {
    python3 -c '
import json, sys
def value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text
print(json.dumps({name: value(v) for name, v in (arg.split("=", 1) for arg in sys.argv[1:])}))' "$@"
}
