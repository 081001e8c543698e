#!/usr/bin/env bash
# install-real-clients.sh: installs the programs that the conformance tests tagged "clients" drive against the
# newest stage: Debian's chromium, curl, apache2-utils (ab), nghttp2-client (h2load) and goaccess with apt-get, and
# puppeteer-core into tools/real-clients/node_modules with npm ci from the committed package-lock.json.
#
# It installs only what is missing and runs nothing else; the tests themselves run with Maven, e.g.
#   ./mvnw -pl stage9-speed -am test -Dtest.groups=clients
# A test whose program is missing is skipped with the reason, so nothing here is needed for ./mvnw test to pass.
# Needs root, or password-less sudo, for apt-get; node and npm must already be installed (Node 20 or newer).
set -euo pipefail
cd "$(dirname "$0")/real-clients"

# The command each Debian package provides, to tell whether it is installed already.
declare -A package_of=([chromium]=chromium [curl]=curl [ab]=apache2-utils [h2load]=nghttp2-client [goaccess]=goaccess)
missing=()
for command in chromium curl ab h2load goaccess; do
    command -v "$command" >/dev/null || missing+=("${package_of[$command]}")
done

if ((${#missing[@]})); then
    sudo=()
    ((EUID == 0)) || sudo=(sudo -n)
    echo "installing ${missing[*]} with apt-get"
    # Another installer may hold the lock: wait for it rather than fail.
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -qq update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 -qq -y install "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "install-real-clients: node and npm are needed for the browser test (Node 20 or newer); install them first" >&2
    exit 1
fi
# npm ci takes a few seconds; skip it when node_modules was installed from this very lock file.
if ! cmp -s package-lock.json node_modules/.installed-from-package-lock.json; then
    echo "installing puppeteer-core from tools/real-clients/package-lock.json"
    # puppeteer-core downloads no browser; the variable makes sure nothing else in the tree tries to.
    PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-from-package-lock.json
fi
echo "install-real-clients: chromium, curl, ab, h2load, goaccess and puppeteer-core are installed"
