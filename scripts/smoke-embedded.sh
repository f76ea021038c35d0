#!/usr/bin/env bash
# Embedded-mode smoke test: the built server with no DATABASE_URL starts its own PGlite in a fresh
# DATA_DIR, migrates and seeds it, prints the demo logins, serves the home page and stops cleanly
# on SIGTERM. Prints "1 passed, 0 failed" (exit 0) or "0 passed, 1 failed" (exit 1) on its last line.
#
#   bash scripts/smoke-embedded.sh            # builds first when build/ is missing
#   SMOKE_BUILD=1 bash scripts/smoke-embedded.sh   # always rebuilds
set -euo pipefail
cd "$(dirname "$0")/.."

START_TIMEOUT=${SMOKE_START_TIMEOUT:-90}
STOP_TIMEOUT=${SMOKE_STOP_TIMEOUT:-20}

failures=()
ok() { echo "ok - $*"; }
not_ok() {
	echo "not ok - $*"
	failures+=("$*")
}

if [[ ${SMOKE_BUILD:-0} == 1 || ! -f build/server/index.js ]]; then
	echo "# building (npm run build)"
	npm run build --silent >/dev/null
fi

port=$(node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })")
data_dir=$(mktemp -d "${TMPDIR:-/tmp}/caunoi-smoke.XXXXXX")
log="$data_dir/server.log"
base="http://127.0.0.1:$port"
server_pid=''

# Stops the server's process group: SIGTERM, then SIGKILL after STOP_TIMEOUT.
stop_server() {
	[[ -n $server_pid ]] || return 0
	local pid=$server_pid
	server_pid=''
	kill -TERM -- "-$pid" 2>/dev/null || return 0
	for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
		kill -0 -- "-$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 -- "-$pid" 2>/dev/null; then
		kill -KILL -- "-$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		return 1
	fi
	wait "$pid" 2>/dev/null || true
	return 0
}
cleanup() {
	stop_server || true
	rm -rf "$data_dir"
}
trap cleanup EXIT

# GET $1; prints the status code, writes the body to $2.
http_get() {
	node -e "
		fetch(process.argv[1], { redirect: 'manual', signal: AbortSignal.timeout(10000) })
			.then(async (r) => { require('node:fs').writeFileSync(process.argv[2], await r.text()); console.log(r.status) })
			.catch(() => console.log(0))
	" "$1" "$2"
}

echo "# starting the server on port $port with DATA_DIR=$data_dir and no DATABASE_URL"
# Empty values count as unset (app/utils/env.server.ts) and keep a local .env from filling them in.
# setsid: the server gets its own process group, so stopping it reaches every process it starts.
DATABASE_URL='' SEED_ON_START='' SESSION_SECRET='' APP_URL='' RATE_LIMIT_DISABLED='' \
	NODE_ENV=production HOST=127.0.0.1 PORT="$port" DATA_DIR="$data_dir/data" LOG_LEVEL=info \
	setsid node --import tsx server.ts >"$log" 2>&1 </dev/null &
server_pid=$!

started=0
for ((i = 0; i < START_TIMEOUT * 2; i++)); do
	if ! kill -0 "$server_pid" 2>/dev/null; then
		break
	fi
	if [[ $(http_get "$base/healthz" "$data_dir/healthz.json") == 200 ]] && grep -q '"status":"ok"' "$data_dir/healthz.json"; then
		started=1
		break
	fi
	sleep 0.5
done
if ((started)); then
	ok "/healthz answers ok within ${START_TIMEOUT}s ($(cat "$data_dir/healthz.json"))"
else
	not_ok "/healthz did not answer ok within ${START_TIMEOUT}s (server running: $(kill -0 "$server_pid" 2>/dev/null && echo yes || echo no))"
fi

if ((started)); then
	status=$(http_get "$base/" "$data_dir/home.html")
	if [[ $status == 200 ]] && grep -q 'Cầu Nối' "$data_dir/home.html"; then
		ok "the home page answers 200 and contains \"Cầu Nối\""
	else
		not_ok "the home page answered $status$(grep -q 'Cầu Nối' "$data_dir/home.html" 2>/dev/null || echo ' without "Cầu Nối"')"
	fi

	if grep -q 'Demo logins' "$log" && grep -Eq '^  .+ / .+: [^ @]+@[^ @]+\.example$' "$log"; then
		ok "the demo logins were printed ($(grep -Ec '^  .+ / .+: [^ @]+@[^ @]+\.example$' "$log") accounts)"
	else
		not_ok "no demo logins in the server's output"
	fi

	if [[ -d $data_dir/data/pglite ]]; then
		ok "embedded Postgres (PGlite) keeps its data in DATA_DIR/pglite"
	else
		not_ok "no $data_dir/data/pglite: did the server start the embedded database?"
	fi
fi

if stop_server; then
	if [[ -e $data_dir/data/pglite.lock ]]; then
		not_ok "the server stopped on SIGTERM but left $data_dir/data/pglite.lock behind (embedded database not closed)"
	else
		ok "the server stopped on SIGTERM within ${STOP_TIMEOUT}s and released the database"
	fi
else
	not_ok "the server ignored SIGTERM for ${STOP_TIMEOUT}s and was killed"
fi

if ((${#failures[@]} > 0)); then
	echo "# server output (last 40 lines):"
	tail -n 40 "$log" | sed 's/^/#   /'
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"
