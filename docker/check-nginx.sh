#!/usr/bin/env bash
# No Docker engine runs in CI, so this checks docker/nginx.conf with the machine's nginx (`nginx -t`). nginx looks up
# an upstream's host names when it loads the file, and cadre-1 and cadre-2 exist only on the compose network, so
# they are pointed at loopback for the check; nothing else in the file changes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
mkdir -p "$prefix/logs"
sed -E 's/server cadre-[0-9]+:8080;/server 127.0.0.1:8080;/' "$root/docker/nginx.conf" > "$prefix/nginx.conf"
grep -q 'server 127.0.0.1:8080;' "$prefix/nginx.conf"
nginx -t -q -p "$prefix" -c "$prefix/nginx.conf" -g "pid $prefix/nginx.pid; error_log $prefix/logs/error.log;"
echo "docker/check-nginx.sh: nginx accepts docker/nginx.conf"
