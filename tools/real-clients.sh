#!/usr/bin/env bash
# real-clients.sh: drives the newest stage with real HTTP clients and fails loudly on any miss.
#
# The conformance suite speaks to the server with a hand-written client, byte by byte. This script checks the other
# half: that programs people really use get along with it. It builds the newest stage (the highest-numbered
# stageN-*/ folder), starts its jar on a free port serving a copy of shared-site, and checks:
#
#   browser    headless Chromium (Debian's, driven by puppeteer-core) loads /, /cyrillic.html and a missing page:
#              every resource 2xx with the Content-Type of its extension, every <img> decoded, the custom 404 page;
#              full-page screenshots go to target/real-clients/
#   keepalive  curl fetches two files with one command and must reuse the connection (stage 6)
#   traversal  curl --path-as-is tries to climb out of the served folder; a secret planted beside it, and
#              /etc/passwd, must never come back
#   ab         ApacheBench with keep-alive: thousands of requests, 0 failed, every body the right length
#   h2load     nghttp2's h2load over HTTP/1.1 with 8 pipelined requests per connection: 0 failed, right bytes
#   final      the server still answers GET / with 200, stops on SIGTERM, and printed no stack trace
#   accesslog  goaccess reads the whole run's access log (stage 5) with 0 failed lines, and it holds exactly one
#              line per request this script sent
#
# Installs what it needs (Debian packages, and puppeteer-core into tools/real-clients/node_modules from the
# committed package-lock.json); sends traffic to 127.0.0.1 only; cleans up what it started, by PID.
# Exit status: 0 when every check passed, 1 when one missed, 2 on wrong usage or when the run could not start.
# tools/README.md tells how to run it by hand.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: tools/real-clients.sh [--stage DIR] [--only CHECKS] [--url URL [--access-log FILE]] [--no-build]
                             [--no-install] [--keep]

  --stage DIR        the stage to build and run, e.g. stage4-config (default: the highest-numbered stage)
  --only CHECKS      comma-separated subset of: browser,keepalive,traversal,ab,h2load,final,accesslog
                     (default: all; the CHECKS environment variable does the same)
  --url URL          check a server that is already running and serving shared-site, e.g. http://127.0.0.1:8080;
                     nothing is built or started, and the checks that need the server's own folder or output
                     (the planted secret, the stack-trace scan) are left out
  --access-log FILE  with --url: that server's access log, for the accesslog check
  --no-build         use the stage's jar as it is, without running Maven first
  --no-install       install nothing: fail if a tool is missing
  --keep             keep the temporary copy of the site (its path is printed)

Environment: LOWWEB_JAVA (a java ≥ 21 to run the jar; default: the newest JDK under /usr/lib/jvm), AB_REQUESTS (5000),
H2LOAD_REQUESTS (10000).
EOF
}

cd "$(dirname "$0")/.."
REPO=$PWD
OUT=$REPO/target/real-clients
NODE_DIR=$REPO/tools/real-clients
ALL_CHECKS=(browser keepalive traversal ab h2load final accesslog)
AB_REQUESTS=${AB_REQUESTS:-5000}
H2LOAD_REQUESTS=${H2LOAD_REQUESTS:-10000}
STARTED_AT=$SECONDS

# ---------------------------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------------------------

STAGE='' URL='' ACCESS_LOG='' BUILD=1 INSTALL=1 KEEP=0
CHECKS=${CHECKS:-all}
while (($#)); do
    case $1 in
        --stage) STAGE=${2:?--stage needs a folder}; STAGE=${STAGE%/}; shift 2 ;;
        --only) CHECKS=${2:?--only needs a list of checks}; shift 2 ;;
        --url) URL=${2:?--url needs a URL}; URL=${URL%/}; shift 2 ;;
        --access-log) ACCESS_LOG=${2:?--access-log needs a file}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-install) INSTALL=0; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "real-clients: unknown argument \"$1\"" >&2; usage >&2; exit 2 ;;
    esac
done
if [[ $CHECKS == all ]]; then
    SELECTED=("${ALL_CHECKS[@]}")
else
    IFS=', ' read -r -a SELECTED <<<"$CHECKS"
    for check in "${SELECTED[@]}"; do
        [[ " ${ALL_CHECKS[*]} " == *" $check "* ]] \
            || { echo "real-clients: unknown check \"$check\"; the checks are ${ALL_CHECKS[*]}" >&2; exit 2; }
    done
fi
selected() { [[ " ${SELECTED[*]} " == *" $1 "* ]]; }
if [[ -n $URL && ! $URL =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost)(:[0-9]+)?$ ]]; then
    echo "real-clients: --url must be http://127.x.x.x:PORT or http://localhost:PORT (loopback only), got \"$URL\"" >&2
    exit 2
fi

# ---------------------------------------------------------------------------------------------------------------
# Reporting: each check prints what it finds; the summary at the end lists every check, and the exit status is 1
# if any of them missed.
# ---------------------------------------------------------------------------------------------------------------

SUMMARY=()
FAILED=0
NOTE=
step() { printf '\n== %s\n' "$*"; }
miss() { printf '  MISS %s\n' "$*"; MISSES=$((MISSES + 1)); }
info() { printf '  %s\n' "$*"; }
die() { printf '\nreal-clients: %s\n' "$*" >&2; exit 2; }

# Runs check_NAME if it was selected and records PASS, FAIL or SKIP with the note the check left in NOTE.
run_check() {
    local name=$1 title=$2
    if ! selected "$name"; then
        return 0
    fi
    step "$name: $title"
    MISSES=0 NOTE=
    local started=$SECONDS
    if "check_$name" && ((MISSES == 0)); then
        SUMMARY+=("$(printf 'PASS  %-10s %s (%ss)' "$name" "$NOTE" $((SECONDS - started)))")
    elif [[ $NOTE == skipped:* ]]; then
        SUMMARY+=("$(printf 'SKIP  %-10s %s' "$name" "${NOTE#skipped: }")")
    else
        FAILED=1
        SUMMARY+=("$(printf 'FAIL  %-10s %s%s' "$name" "${NOTE:-see the MISS lines above}" \
            "$( ((MISSES == 0)) || echo " [$MISSES missed]")")")
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# Tools: Debian packages and puppeteer-core, installed only when missing.
# ---------------------------------------------------------------------------------------------------------------

install_tools() {
    local -A package_of=([curl]=curl [chromium]=chromium [ab]=apache2-utils [h2load]=nghttp2-client
        [goaccess]=goaccess)
    local wanted=(curl) missing=()
    selected browser && wanted+=(chromium)
    selected ab && wanted+=(ab)
    selected h2load && wanted+=(h2load)
    selected accesslog && wanted+=(goaccess)
    for command in "${wanted[@]}"; do
        command -v "$command" >/dev/null || missing+=("${package_of[$command]}")
    done
    if ((${#missing[@]})); then
        ((INSTALL)) || die "missing ${missing[*]} (Debian packages), and --no-install was given"
        local sudo=()
        ((EUID == 0)) || sudo=(sudo -n)
        step "installing ${missing[*]} with apt-get"
        # Another installer may hold the lock: wait for it rather than fail.
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -qq update \
            || die "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -qq -y install \
            "${missing[@]}" >"$OUT/apt-get.log" 2>&1 \
            || { tail -20 "$OUT/apt-get.log" >&2; die "apt-get install ${missing[*]} failed"; }
    fi
    if selected browser; then
        command -v node >/dev/null && command -v npm >/dev/null || die "the browser check needs node and npm"
        # npm ci takes a few seconds; skip it when node_modules was installed from this very lock file.
        if ! cmp -s "$NODE_DIR/package-lock.json" "$NODE_DIR/node_modules/.installed-from-package-lock.json"; then
            ((INSTALL)) || die "tools/real-clients/node_modules is missing or stale, and --no-install was given"
            step "installing puppeteer-core from tools/real-clients/package-lock.json"
            # puppeteer-core downloads no browser; the variable makes sure nothing else in the tree tries to.
            (cd "$NODE_DIR" && PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error) \
                || die "npm ci in tools/real-clients failed"
            cp "$NODE_DIR/package-lock.json" "$NODE_DIR/node_modules/.installed-from-package-lock.json"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# The server: the stage's jar, a copy of shared-site in a temporary folder with a secret planted beside it, and a
# settings file that sends the access log to target/real-clients/.
# ---------------------------------------------------------------------------------------------------------------

SERVER_PID='' TMP='' STAGE_NUMBER=0 LOG_LINES_BEFORE=0

cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n $TMP && -d $TMP ]]; then
        if ((KEEP)); then echo "real-clients: kept $TMP"; else rm -rf "$TMP"; fi
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

newest_stage() {
    local folder
    folder=$(find . -maxdepth 1 -type d -name 'stage[0-9]*-*' -printf '%f\n' | sort -V | tail -1)
    [[ -n $folder ]] || die "no stage[0-9]*-* folder in $REPO"
    echo "$folder"
}

# The newest JDK ≥ 21: the stages need 21 (virtual threads from stage 5), while the machine's default java may be 17.
find_java() {
    if [[ -n ${LOWWEB_JAVA:-} ]]; then
        echo "$LOWWEB_JAVA"
        return
    fi
    local best='' best_major=0 java version major
    for java in /usr/lib/jvm/*/bin/java ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)"; do
        [[ -x $java ]] || continue
        version=$("$java" -version 2>&1 | sed -n 's/^[a-z]* version "\([^"]*\)".*/\1/p' | head -1)
        major=${version%%[.+-]*}
        [[ $major == 1 ]] && major=$(cut -d. -f2 <<<"$version")
        if [[ $major =~ ^[0-9]+$ ]] && ((major > best_major)); then
            best=$java best_major=$major
        fi
    done
    ((best_major >= 21)) || die "no JDK 21 or newer found under /usr/lib/jvm, in JAVA_HOME or on PATH; set LOWWEB_JAVA=/path/to/java"
    echo "$best"
}

# Copies the stage's own settings.json, so the file holds exactly the keys this stage knows, and points it at the
# copied site. From stage 5 on the access log goes beside it and there is room for ab's, h2load's and the browser's
# connections at once; from stage 6 on a connection may carry all the requests h2load pipelines into it (a server
# that closes a connection after N requests is right to do so, but h2load counts the requests it had already
# pipelined behind the Nth as failed).
write_settings() {
    local settings=$1
    python3 - "$REPO/$STAGE/settings.json" "$settings" "$TMP/site" "$STAGE_NUMBER" \
        "$(( (H2LOAD_REQUESTS + 3) / 4 ))" <<'EOF'
import json, pathlib, sys
source, target, root, stage, per_connection = sys.argv[1:]
settings = json.loads(pathlib.Path(source).read_text()) if pathlib.Path(source).exists() else {}
settings.update(host="127.0.0.1", port=0, root=root)
if int(stage) >= 5:
    settings["accessLog"] = "access.log"
    settings["maxConnections"] = max(settings.get("maxConnections", 0), 64)
if int(stage) >= 6:
    settings["maxRequestsPerConnection"] = max(settings.get("maxRequestsPerConnection", 0), int(per_connection))
pathlib.Path(target).write_text(json.dumps(settings, indent=2) + "\n")
EOF
}

plant_site() {
    TMP=$(mktemp -d /tmp/lowweb-real-clients.XXXXXX)
    SECRET=secret-$RANDOM$RANDOM$RANDOM
    cp -R "$REPO/shared-site" "$TMP/site"
    # Outside the root, with allowed extensions, so a refusal by file type cannot hide a traversal.
    echo "$SECRET outside the root" >"$TMP/secret.txt"
    echo "<p>$SECRET outside the root</p>" >"$TMP/secret.html"
    # A sibling whose name starts with the root's: a prefix comparison of path strings lets it through.
    mkdir "$TMP/site-private"
    echo "$SECRET in a sibling of the root" >"$TMP/site-private/secret.txt"
    # Links inside the root that lead out of it.
    ln -s ../secret.txt "$TMP/site/outside.txt"
    ln -s .. "$TMP/site/outside"
    # Proof that the server serves this copy and not shared-site itself.
    echo "$SECRET inside the root" >"$TMP/site/inside-marker.txt"
}

start_server() {
    if [[ -n $URL ]]; then
        BASE=$URL
        step "checking the server already running at $BASE"
        return
    fi
    STAGE=${STAGE:-$(newest_stage)}
    [[ -d $STAGE ]] || die "no folder $STAGE in $REPO"
    [[ $STAGE =~ ^stage([0-9]+)- ]] || die "\"$STAGE\" is not a stageN-name folder"
    STAGE_NUMBER=${BASH_REMATCH[1]}
    local java jar=$STAGE/target/$STAGE.jar
    java=$(find_java)
    if ((BUILD)); then
        step "building $STAGE"
        ./mvnw -q -B -pl "$STAGE" -am package -DskipTests >"$OUT/build.log" 2>&1 \
            || { tail -40 "$OUT/build.log" >&2; die "the build of $STAGE failed (whole log: $OUT/build.log)"; }
    fi
    [[ -f $jar ]] || die "no $jar; build it first or leave out --no-build"
    plant_site
    write_settings "$OUT/settings.json"
    step "starting $STAGE"
    "$java" -jar "$jar" --config "$OUT/settings.json" --host 127.0.0.1 --port 0 \
        >"$OUT/server.out" 2>"$OUT/server.err" </dev/null &
    SERVER_PID=$!
    info "java: $java ($("$java" -version 2>&1 | head -1))"
    info "command: $java -jar $jar --config $OUT/settings.json --host 127.0.0.1 --port 0   (PID $SERVER_PID)"
    info "serving $TMP/site; secret planted in $TMP/secret.txt"
    local first_line=
    for _ in $(seq 1 300); do
        first_line=$(head -1 "$OUT/server.out" 2>/dev/null || true)
        [[ -n $first_line ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ ! $first_line =~ ^Listening\ on\ http://127\.0\.0\.1:([0-9]+)/$ ]]; then
        cat "$OUT/server.out" "$OUT/server.err" >&2
        die "$STAGE did not start: its first line of output should be \"Listening on http://127.0.0.1:PORT/\", got \"$first_line\""
    fi
    BASE=http://127.0.0.1:${BASH_REMATCH[1]}
    ACCESS_LOG=$OUT/access.log
    info "$first_line"
}

# ---------------------------------------------------------------------------------------------------------------
# Counting: every check adds the requests it sent, so the access log can be held to exactly one line each.
# ---------------------------------------------------------------------------------------------------------------

SENT=0 COUNT_EXACT=1 CLIENT_FAILURES=0
sent() { SENT=$((SENT + $1)); }
curl_() { curl --noproxy '*' --silent --show-error --max-time 20 "$@"; }
log_lines() { if [[ -n $ACCESS_LOG && -f $ACCESS_LOG ]]; then wc -l <"$ACCESS_LOG"; else echo 0; fi; }

# ---------------------------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------------------------

check_browser() {
    local status=0
    timeout --kill-after=10 240 node "$NODE_DIR/browser.mjs" --base "$BASE" --out "$OUT" \
        >"$OUT/browser.log" 2>&1 || status=$?
    sed 's/^/  /' "$OUT/browser.log"
    local sent_by_browser
    sent_by_browser=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["requestsSent"])' \
        "$OUT/browser.json" 2>/dev/null || true)
    if [[ -z $sent_by_browser ]]; then
        COUNT_EXACT=0
        NOTE="the browser script stopped before it reported (exit status $status)"
        return 1
    fi
    sent "$sent_by_browser"
    if ((status != 0)); then
        NOTE="$(grep -c '^MISS' "$OUT/browser.log" || true) misses in Chromium; screenshots in target/real-clients/"
        return 1
    fi
    NOTE="/, /cyrillic.html and the 404 page: $sent_by_browser requests, all 2xx (404 page: 404) with the right Content-Type, every image decoded; screenshots in target/real-clients/"
}

check_keepalive() {
    local first=/hello.txt second=/robots.txt report
    # One curl command, two URLs: curl keeps the connection open and reuses it if the server lets it.
    report=$(curl_ --http1.1 -v -o "$OUT/keepalive-1.txt" -o "$OUT/keepalive-2.txt" \
        -w '%{http_code} %{num_connects} %{size_download}\n' "$BASE$first" "$BASE$second" 2>"$OUT/keepalive.log") \
        || miss "curl failed: $(tail -1 "$OUT/keepalive.log")"
    sent 2
    grep -E '^(\* |< HTTP|< Connection)' "$OUT/keepalive.log" | sed 's/^/  /'
    local -a one two
    read -r -a one <<<"$(sed -n 1p <<<"$report")"
    read -r -a two <<<"$(sed -n 2p <<<"$report")"
    [[ ${one[0]:-} == 200 && ${two[0]:-} == 200 ]] || miss "statuses ${one[0]:-none} and ${two[0]:-none}, expected 200 and 200"
    cmp -s "$OUT/keepalive-1.txt" "$TMP_SITE$first" || miss "$first came back different from the file"
    cmp -s "$OUT/keepalive-2.txt" "$TMP_SITE$second" || miss "$second came back different from the file"
    # curl 7.x says "Re-using existing connection", curl 8.x "Reusing existing connection".
    if grep -Eq 'Re-?using existing connection' "$OUT/keepalive.log" && [[ ${two[1]:-} == 0 ]]; then
        NOTE="curl --http1.1 fetched $first and $second on one connection"
    else
        miss "curl opened a new connection for $second (num_connects ${two[1]:-?}, no \"Reusing existing connection\"): the server closed the first one ($(grep -i '^< Connection' "$OUT/keepalive.log" | head -1 | tr -d '\r' || true))"
        NOTE="no persistent connection: needs stage 6"
    fi
}

# A body with the planted secret, or with the first line of /etc/passwd, came from outside the served folder.
leaked() {
    { [[ -n $SECRET ]] && grep -qF "$SECRET" "$1"; } || grep -q '^root:.*:0:0:' "$1"
} 2>/dev/null

check_traversal() {
    local tmp_path=${TMP#/}
    local -a targets=(
        '/../secret.txt' '/../secret.html' '/./../secret.txt' '/css/../../secret.txt'
        '/../../../../../../../../../../../../etc/passwd'
        '/%2e%2e/secret.txt' '/%2E%2E/secret.txt' '/.%2e/secret.txt' '/%2e./secret.txt'
        '/img/%2e%2e/%2e%2e/secret.txt' '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'
        '/..%2fsecret.txt' '/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd'
        '/%2e%2e%2fsecret.txt' '/%2e%2e%2fetc/passwd'
        '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd'
        '//etc/passwd' '///etc/passwd' '/%2fetc%2fpasswd' '/%2Fetc/passwd'
        '/..\secret.txt' '/..\..\..\..\..\..\..\etc\passwd' '/\..\secret.txt' '/%5c..%5csecret.txt'
        '/..%5csecret.txt' '/..%5C..%5C..%5C..%5C..%5C..%5C..%5Cetc%5Cpasswd' '/css\..\..\secret.txt'
        '/%252e%252e/secret.txt' '/%252e%252e%252fsecret.txt'
        '/..%c0%afsecret.txt' '/%c0%ae%c0%ae/secret.txt' '/..%00/secret.txt' '/../secret.txt%00.html'
        '/..;/secret.txt' '/../site-private/secret.txt' '/%2e%2e/site-private/secret.txt'
    )
    if [[ -n $TMP ]]; then
        targets+=(
            "/../../../../../../../../../../$tmp_path/secret.txt" "//$tmp_path/secret.txt"
            "/%2f${tmp_path//\//%2f}%2fsecret.txt" '/outside.txt' '/outside/secret.txt'
            '/outside/site-private/secret.txt'
        )
    fi
    local target status body leaks=0 answered=0
    local -A statuses=()
    for target in "${targets[@]}"; do
        body=$OUT/traversal-body.txt
        status=$(curl_ --path-as-is -o "$body" -w '%{http_code}' "$BASE$target" 2>"$OUT/traversal-curl.txt") || true
        sent 1
        if leaked "$body"; then
            miss "$target → $status with a file from outside the root: $(head -c 80 "$body" | tr '\n' ' ')"
            leaks=$((leaks + 1))
        elif [[ $status == 000 || -z $status ]]; then
            miss "$target → no HTTP response ($(tail -1 "$OUT/traversal-curl.txt"))"
        else
            answered=$((answered + 1))
        fi
        statuses[$status]=$(( ${statuses[$status]:-0} + 1 ))
        printf '  %-62s %s\n' "$target" "$status"
    done
    rm -f "$body"
    local histogram=
    for status in $(printf '%s\n' "${!statuses[@]}" | sort); do histogram+="${statuses[$status]}×$status "; done
    # The other side: the same server does serve a file of the copied root, so the refusals above mean something.
    if [[ -n $TMP ]]; then
        status=$(curl_ -o "$OUT/traversal-body.txt" -w '%{http_code}' "$BASE/inside-marker.txt" 2>&1) || true
        sent 1
        grep -qF "$SECRET inside" "$OUT/traversal-body.txt" 2>/dev/null \
            || miss "/inside-marker.txt (planted in the served copy) → $status without its content: is the server serving $TMP/site?"
        rm -f "$OUT/traversal-body.txt"
    fi
    NOTE="${#targets[@]} attempts, $leaks leaks, statuses ${histogram% }"
}

# ApacheBench speaks HTTP/1.0 and counts a connection as kept alive only when the response says "keep-alive".
check_ab() {
    local path=/index.html size status=0 output=$OUT/ab.txt
    size=$(stat -c %s "$REPO/shared-site$path")
    timeout --kill-after=10 240 ab -k -r -n "$AB_REQUESTS" -c 10 -s 30 "$BASE$path" >"$output" 2>&1 || status=$?
    sent "$AB_REQUESTS"
    sed -n '/^Document Path/,/^Transfer rate/p' "$output" | sed 's/^/  /'
    ((status == 0)) || miss "ab exited with status $status: $(grep -v '^$' "$output" | tail -1)"
    field() { sed -n "s/^$1: *\([0-9.]*\).*/\1/p" "$output" | head -1; }
    local complete failed keepalive html document
    complete=$(field 'Complete requests') failed=$(field 'Failed requests') keepalive=$(field 'Keep-Alive requests')
    html=$(field 'HTML transferred') document=$(field 'Document Length')
    [[ $complete == "$AB_REQUESTS" ]] || miss "Complete requests: ${complete:-none}, expected $AB_REQUESTS"
    CLIENT_FAILURES=$((CLIENT_FAILURES + ${failed:-0}))
    [[ $failed == 0 ]] || miss "Failed requests: ${failed:-none} $(grep -A1 '^Failed requests' "$output" | tail -1 | xargs)"
    ! grep -q '^Non-2xx responses' "$output" || miss "$(grep '^Non-2xx responses' "$output")"
    [[ $document == "$size" ]] || miss "Document Length: ${document:-none}, the file has $size bytes"
    [[ $html == $((AB_REQUESTS * size)) ]] || miss "HTML transferred: ${html:-none} bytes, expected $AB_REQUESTS × $size = $((AB_REQUESTS * size))"
    [[ ${keepalive:-0} -gt 0 ]] || miss "Keep-Alive requests: ${keepalive:-none}: the server closed every connection ab asked to keep (HTTP/1.0 with Connection: keep-alive)"
    NOTE="ab -k -n $AB_REQUESTS -c 10 $path: ${complete:-?} complete, ${failed:-?} failed, ${keepalive:-?} kept alive, $(field 'Requests per second') req/s"
}

# h2load --h1 pipelines -m requests on each connection: the server must answer them in order, none lost.
run_h2load() {
    local path=$1 requests=$2 clients=$3 name=$4 size status=0 output
    output=$OUT/h2load-$name.txt
    size=$(stat -c %s "$REPO/shared-site$path")
    timeout --kill-after=10 240 h2load --h1 -n "$requests" -c "$clients" -m 8 "$BASE$path" >"$output" 2>&1 \
        || status=$?
    sent "$requests"
    grep -E '^(finished in|requests:|status codes:|traffic:)' "$output" | sed "s|^|  $path: |"
    ((status == 0)) || miss "h2load on $path exited with status $status: $(grep -v '^$' "$output" | tail -1)"
    local line
    line=$(grep '^requests:' "$output" || true)
    CLIENT_FAILURES=$((CLIENT_FAILURES + $(sed -n 's/.* \([0-9]*\) failed,.*/\1/p' <<<"$line" | grep . || echo 0)))
    [[ $line == "requests: $requests total, $requests started, $requests done, $requests succeeded, 0 failed, 0 errored, 0 timeout" ]] \
        || miss "$path: ${line:-no summary}; expected $requests succeeded, 0 failed, 0 errored, 0 timeout"
    line=$(grep '^status codes:' "$output" || true)
    [[ $line == "status codes: $requests 2xx, 0 3xx, 0 4xx, 0 5xx" ]] \
        || miss "$path: ${line:-no status codes}; expected $requests 2xx"
    local data
    data=$(sed -n 's/^traffic:.* (\([0-9]*\)) data$/\1/p' "$output")
    [[ $data == $((requests * size)) ]] \
        || miss "$path: ${data:-no} body bytes received, expected $requests × $size = $((requests * size))"
    H2LOAD_RATE+="$path $(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$output") req/s; "
}

check_h2load() {
    H2LOAD_RATE=
    run_h2load /hello.txt "$H2LOAD_REQUESTS" 4 small
    run_h2load /img/photo.jpg $((H2LOAD_REQUESTS / 10)) 2 photo
    NOTE="h2load --h1 -m 8: $H2LOAD_REQUESTS × /hello.txt over 4 connections, $((H2LOAD_REQUESTS / 10)) × /img/photo.jpg over 2; ${H2LOAD_RATE%; }"
}

check_final() {
    local status
    status=$(curl_ -o "$OUT/final.html" -w '%{http_code}' "$BASE/" 2>&1) || true
    sent 1
    [[ $status == 200 ]] && cmp -s "$OUT/final.html" "$REPO/shared-site/index.html" \
        || miss "GET / at the end → $status, expected 200 with index.html: the server stopped answering"
    if [[ -z $SERVER_PID ]]; then
        NOTE="GET / → $status (server output not checked: not started by this script)"
        return 0
    fi
    stop_server
    # A stack trace in the output is a bug even when every response was right: the server must report a failure
    # of one connection in one line and go on.
    local traces clean="no stack trace"
    traces=$(LC_ALL=C grep -a -n -E 'Exception|^\s+at [[:alnum:]_$.]+\(|^Caused by: ' "$OUT/server.out" "$OUT/server.err" \
        | head -20 || true)
    if [[ -n $traces ]]; then
        miss "the server's output has a stack trace or exception:"
        sed 's/^/    /' <<<"$traces"
        clean="A STACK TRACE"
    fi
    NOTE="GET / → $status; output: $(wc -l <"$OUT/server.out") line(s) on stdout, $(wc -l <"$OUT/server.err") on stderr, $clean; $STOPPED"
}

# The access log is written at least once a second and when the server stops; this waits for both.
stop_server() {
    sleep 1.5
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$SERVER_PID" 2>/dev/null && ((waited < 100)); do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        miss "the server was still running 10 s after SIGTERM; killed"
        STOPPED="did not stop on SIGTERM"
    else
        wait "$SERVER_PID" 2>/dev/null || true
        STOPPED="stopped $(awk "BEGIN { print $waited / 10 }") s after SIGTERM"
    fi
    SERVER_PID=
}

check_accesslog() {
    if [[ -z $ACCESS_LOG ]]; then
        NOTE="skipped: no access log to read; give --access-log FILE with --url"
        return 1
    fi
    if [[ -n $SERVER_PID ]]; then
        stop_server
    elif [[ -n $URL ]]; then
        sleep 1.5
    fi
    if [[ ! -f $ACCESS_LOG ]]; then
        NOTE="no access log at $ACCESS_LOG (stage 5 writes one where its settings' \"accessLog\" says)"
        return 1
    fi
    local lines expected=$((LOG_LINES_BEFORE + SENT)) status=0
    lines=$(wc -l <"$ACCESS_LOG")
    if ((lines == 0)); then
        NOTE="the access log is empty, and this run sent $SENT requests"
        ((expected == 0))
        return
    fi
    timeout 120 goaccess "$ACCESS_LOG" --log-format=COMMON --no-global-config --no-progress \
        -o "$OUT/report.json" -o "$OUT/report.html" </dev/null >"$OUT/goaccess.log" 2>&1 || status=$?
    if ((status != 0)); then
        sed 's/^/  /' "$OUT/goaccess.log" | head -20
        NOTE="goaccess could not read the log (exit status $status)"
        return 1
    fi
    local total valid failed
    # The report quotes request lines byte for byte, and the traversal attempts sent bytes that are not UTF-8.
    read -r total valid failed < <(python3 -c 'import json, sys
general = json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "replace"))["general"]
print(general["total_requests"], general["valid_requests"], general["failed_requests"])' "$OUT/report.json")
    info "access log: $lines lines; goaccess: $total total, $valid valid, $failed failed; this run sent $SENT requests"
    # goaccess is lenient about some fields; the line shape of the Common Log Format is checked strictly as well.
    local malformed
    malformed=$(LC_ALL=C grep -a -n -v -E '^[^ ]+ [^ ]+ [^ ]+ \[[0-3][0-9]/[A-Z][a-z]{2}/[0-9]{4}:[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [+-][0-9]{4}\] "([^"\\]|\\.)*" [1-5][0-9]{2} ([0-9]+|-)$' \
        "$ACCESS_LOG" | head -5 || true)
    [[ -z $malformed ]] || { miss "lines not in the Common Log Format:"; sed 's/^/    /' <<<"$malformed"; }
    ((failed == 0)) || miss "goaccess failed to parse $failed of $total lines (see $OUT/report.json)"
    ((valid == lines)) || miss "goaccess read $valid valid requests from $lines lines"
    if ((lines != expected)); then
        local caveat=
        ((COUNT_EXACT)) || caveat=" (the browser check did not report its count, so the expected number is a lower bound)"
        ((CLIENT_FAILURES == 0)) \
            || caveat+=" ($CLIENT_FAILURES of them failed in ab or h2load above and may never have been read by the server)"
        miss "the log has $lines lines, expected $expected: one per request sent$caveat"
        info "statuses in the log: $(awk '{ print $(NF-1) }' "$ACCESS_LOG" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
    fi
    LC_ALL=C grep -aqv '^127\.0\.0\.1 ' "$ACCESS_LOG" \
        && miss "lines with a client other than 127.0.0.1: $(LC_ALL=C grep -av '^127\.0\.0\.1 ' "$ACCESS_LOG" | head -1)"
    NOTE="$lines lines $( ((lines == expected)) && echo '=' || echo '≠' ) $expected requests sent; goaccess: $valid valid, $failed failed; report in target/real-clients/report.html"
}

# ---------------------------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------------------------

rm -rf "$OUT"
mkdir -p "$OUT"
install_tools
start_server
TMP_SITE=${TMP:+$TMP/site}
TMP_SITE=${TMP_SITE:-$REPO/shared-site}
SECRET=${SECRET:-}
if [[ -n $URL && -n $ACCESS_LOG ]]; then
    sleep 1.5
    LOG_LINES_BEFORE=$(log_lines)
fi
info "base URL: $BASE"

run_check browser "headless Chromium loads /, /cyrillic.html and a missing page"
run_check keepalive "curl --http1.1 reuses one connection for two files"
run_check traversal "curl --path-as-is cannot reach files outside the root"
run_check ab "ApacheBench with keep-alive"
run_check h2load "h2load over HTTP/1.1, 8 pipelined requests per connection"
run_check final "the server still answers, and its output has no stack trace"
run_check accesslog "goaccess reads the access log: one valid line per request sent"

step "summary: ${STAGE:-the server} at $BASE, $SENT requests sent, $((SECONDS - STARTED_AT)) s"
printf '%s\n' "${SUMMARY[@]}" | tee "$OUT/summary.txt"
if ((FAILED)); then
    printf '\nreal-clients: FAILED (details above; outputs in target/real-clients/)\n'
    exit 1
fi
printf '\nreal-clients: all checks passed\n'
