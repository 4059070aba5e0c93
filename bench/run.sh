#!/usr/bin/env bash
# The benchmark harness (bench/README.md), one command from the repository root:
#
#   bench/run.sh            # every scenario at the issue's sizes (long: about an hour on 2 cores)
#   PROFILE=quick bench/run.sh   # the same scenarios, smaller, in a few minutes
#
# It starts one PostgreSQL (Debian's, durable: fsync and synchronous_commit on), Cadre and the Node peer against it,
# runs each scenario against Cadre, the peer and the pgbench floor in turn (never two at once), then writes
# bench/target/results/*.json and the side-by-side table bench/target/results/RESULTS.md (copy it to bench/RESULTS.md).
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=${PROFILE:-full}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PG_PORT=${PG_PORT:-55432}
CADRE_PORT=${CADRE_PORT:-18080}
PEER_PORT=${PEER_PORT:-18090}
WORK=${WORK:-$(mktemp -d /tmp/cadre-bench.XXXX)}
OUT=bench/target/results
ADMIN_EMAIL=bench-admin@bench.test
ADMIN_PASSWORD=bench-admin-password-2026
# The heap docs/operations.md advises for thousands of connections: fixed at 2 GB, with G1's concurrent marking
# started only once the old generation holds 60% of it.
SERVER_FLAGS=${SERVER_FLAGS:--Xms2g -Xmx2g -XX:+UseG1GC -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=60}

if [ "$PROFILE" = quick ]; then
  REF="--clients 2000 --spaces 200 --per-space 10 --rate 250 --seconds 15 --warm-up 5"
  STEP="--clients 2000 --spaces 200 --per-space 10 --rates 250,500,750,1000,1250,1500,1750,2000,2500,3000 --seconds 10 --warm-up 5"
  HOT="--clients 1000 --per-space 1000 --rate 20 --seconds 15 --warm-up 3"
  IDLE="--clients 2000 --spaces 200 --per-space 10"
  CULTURE="--clients 2000 --spaces 200 --per-space 10 --rate 250 --seconds 20 --warm-up 5 --teams 1000 --meetings 30"
else
  REF="--clients 15000 --spaces 4500 --per-space 10 --rate 1000 --seconds 60 --warm-up 15"
  STEP="--clients 15000 --spaces 4500 --per-space 10 --rates 500,1000,1500,2000,2500,3000,4000,5000 --seconds 30 --warm-up 10"
  HOT="--clients 1000 --per-space 1000 --rate 20 --seconds 60 --warm-up 10"
  IDLE="--clients 15000 --spaces 4500 --per-space 10"
  CULTURE="--clients 15000 --spaces 4500 --per-space 10 --rate 1000 --seconds 60 --warm-up 10 --teams 1000 --meetings 100"
fi

ulimit -n "$(ulimit -Hn)"
mkdir -p "$OUT"
command -v pgbench >/dev/null && [ -x "$PG_BIN/postgres" ] || { echo "needs PostgreSQL's server and pgbench (apt-get install -y postgresql)"; exit 1; }
command -v node >/dev/null || { echo "needs Node.js (apt-get install -y nodejs npm)"; exit 1; }

pids=()
RUN_AS=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# PostgreSQL (as a non-root user when run as root, which initdb requires).
if [ "$(id -u)" = 0 ]; then
  id cadrebench >/dev/null 2>&1 || useradd -r -M cadrebench
  chown -R cadrebench "$WORK"; chmod 755 "$WORK"
  RUN_AS=(runuser -u cadrebench --)
fi
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U bench --auth=trust >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on -c shared_preload_libraries=pg_stat_statements" >/dev/null
PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
DB=postgres://bench@127.0.0.1:$PG_PORT
for db in cadre peer floor; do
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U bench "$db"
  psql -q "$DB/$db" -c 'create extension pg_stat_statements'
done

[ -f server/target/cadre.jar ] && [ -f bench/target/cadre-bench.jar ] || mvn -B -ntp -q -DskipTests package
(cd bench/peer && npm install --no-audit --no-fund --silent)

# shellcheck disable=SC2086
DATABASE_URL=$DB/cadre CADRE_HTTP_PORT=$CADRE_PORT CADRE_ADMIN_EMAIL=$ADMIN_EMAIL CADRE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $SERVER_FLAGS -Xlog:gc:file="$WORK/cadre-gc.log" -jar server/target/cadre.jar > "$WORK/cadre.log" 2>&1 &
CADRE_PID=$!; pids+=("$CADRE_PID")
DATABASE_URL=$DB/peer PEER_PORT=$PEER_PORT node bench/peer/server.js > "$WORK/peer.log" 2>&1 &
PEER_PID=$!; pids+=("$PEER_PID")
for _ in $(seq 180); do  # Cadre answers 401 for /api/me once it is up
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$CADRE_PORT/api/me")" = 401 ] && break
  sleep 1
done

load() { # target scenario args...
  local target=$1 scenario=$2; shift 2
  local url pid
  case $target in cadre) url=http://127.0.0.1:$CADRE_PORT pid=$CADRE_PID ;; peer) url=http://127.0.0.1:$PEER_PORT pid=$PEER_PID ;; *) url= pid=0 ;; esac
  echo "== $target $scenario"
  psql -qAt "$DB/$target" -c 'select pg_stat_statements_reset()' >/dev/null
  # shellcheck disable=SC2086
  java -Xmx4g -Xlog:gc:file="$WORK/$target-$scenario-load-gc.log" -cp bench/target/cadre-bench.jar org.cadre.bench.load.LoadBench --target "$target" --scenario "$scenario" \
    ${url:+--url "$url"} --database-url "$DB/$target" --admin-email "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" \
    --server-pid "$pid" --database-pid "$PG_PID" --server-flags "$( [ "$target" = cadre ] && echo "$SERVER_FLAGS" || echo "node $(node --version)")" \
    --out "$OUT" "$@" > "$WORK/$target-$scenario.log" 2>&1 || { echo "!! $target $scenario failed:"; tail -20 "$WORK/$target-$scenario.log"; }
  grep -E '^(cadre|peer|floor) |^Wrote' "$WORK/$target-$scenario.log" || true
  # Where the database's time went: the statements of this scenario (set-up included), most called first.
  psql -q "$DB/$target" -c "select calls, round(total_exec_time::numeric, 1) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
    left(regexp_replace(query, '\s+', ' ', 'g'), 160) as query from pg_stat_statements where dbid = (select oid from pg_database
    where datname = current_database()) order by calls desc limit 25" > "$OUT/$target-$scenario-statements.txt"
}

SCENARIOS=${SCENARIOS:-idle reference stepup hot culture}
for scenario in $SCENARIOS; do
  case $scenario in idle) args=$IDLE ;; reference) args=$REF ;; stepup) args=$STEP ;; hot) args=$HOT ;; culture) args=$CULTURE ;; esac
  # shellcheck disable=SC2086
  load cadre "$scenario" $args
  # The peer has no culture engine: the culture paths are Cadre's alone.
  [ "$scenario" = culture ] && continue
  # shellcheck disable=SC2086
  load peer "$scenario" $args
  # shellcheck disable=SC2086
  [ "$scenario" = idle ] || load floor "$scenario" $args
done

java -cp bench/target/cadre-bench.jar org.cadre.bench.load.ResultsTable "$OUT" > "$OUT/RESULTS.md"
echo "Table: $OUT/RESULTS.md"
