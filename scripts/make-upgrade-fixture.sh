#!/usr/bin/env bash
# Makes the upgrade fixture of a release: the database as that release's own code leaves it after a first
# start with the demo, dumped to SQL, for tests/integration/upgrade-from-release.test.ts.
#
#   scripts/make-upgrade-fixture.sh v0.1.0
#
# The release's tree is unpacked with `git archive` into a temporary directory (no worktree, nothing in the
# repository changes but tests/fixtures/upgrade/), its own migrations and demo seed run against a fresh
# PostgreSQL database, its server starts once on it (the sandbox's test CA is made at start-up) and a demo
# user logs in through the API, then pg_dump writes schema and rows as plain INSERTs, which PGlite and
# PostgreSQL both load. SECRET_KEY is the test suite's key (tests/support/test-secrets.ts), so the audit
# checkpoint and the sealed keys open in the test.
#
# Writes tests/fixtures/upgrade/<ref>.sql.gz and <ref>.json (the commit, its last migration, rows per table).
# Needs PostgreSQL on PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) and pg_dump.
set -euo pipefail

ref="${1:?usage: scripts/make-upgrade-fixture.sh <git ref of a release, e.g. v0.1.0>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
admin_url="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
commit="$(git -C "$root" rev-parse --verify "$ref^{commit}")"
name="$(echo "$ref" | tr -c 'A-Za-z0-9._\n-' '-')"
out="$root/tests/fixtures/upgrade"
# The key of tests/support/test-secrets.ts: 32 bytes of 7, base64. Not secret; only ever used for fixtures and tests.
secret_key="BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc="
demo_email="projektledare@sundsvall.example"
port="${FIXTURE_PORT:-3187}"

work="$(mktemp -d /tmp/ansluta-upgrade-fixture.XXXXXX)"
db="ansluta_upgrade_fixture_$$"
db_url="${admin_url%/*}/$db"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  psql -q "$admin_url" -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "unpacking $ref ($commit) into $work"
git -C "$root" archive "$commit" | tar -x -C "$work"

# The release's dependencies: this checkout's node_modules when it holds every package of the release's lock
# at the same version (a release is usually a few commits back), else an install of the release's own lock.
if node -e '
  const fs = require("node:fs"), path = require("node:path");
  const [lockFile, modules] = process.argv.slice(1);
  const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
  for (const [p, info] of Object.entries(lock.packages ?? {})) {
    if (!p.startsWith("node_modules/") || info.optional || info.dev) continue;
    const file = path.join(modules, "..", p, "package.json");
    if (!fs.existsSync(file) || JSON.parse(fs.readFileSync(file, "utf8")).version !== info.version) process.exit(1);
  }' "$work/package-lock.json" "$root/node_modules"; then
  ln -s "$root/node_modules" "$work/node_modules"
else
  echo "the release's dependencies differ from this checkout's: npm ci in $work"
  (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi

psql -q "$admin_url" -c "create database $db" >/dev/null
cd "$work"
export DATABASE_URL="$db_url" SECRET_KEY="$secret_key" LOG_LEVEL=warn
node --import tsx src/cli/main.ts db:migrate
node --import tsx src/cli/main.ts demo:seed >/dev/null
# A small national picture beside the demo (flows with actuals, reporting rounds, frozen forecasts), which
# the demo alone leaves empty; a release without the national seed has the demo only.
node --import tsx src/cli/main.ts demo:seed --national --scale "${FIXTURE_NATIONAL_SCALE:-0.01}" --add >/dev/null ||
  echo "no national seed at $ref: the demo only"
PORT="$port" HOST=127.0.0.1 node --import tsx src/main.ts >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
password="$(node --import tsx -e 'import("./src/cli/demo-seed.ts").then((m) => console.log(m.DEMO_PASSWORD))')"
token="$(curl -fs "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$demo_email\",\"password\":\"$password\"}" | node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d).token))')"
curl -fs "http://127.0.0.1:$port/api/v1/me" -H "authorization: Bearer $token" >/dev/null
kill "$server"
wait "$server" 2>/dev/null || true
server=""

mkdir -p "$out"
# Plain INSERTs, not COPY, so PGlite's exec loads it too; the \restrict lines (a psql meta-command, with a
# random key) and the empty search_path would stop or outlive the load, and every name is qualified anyway.
pg_dump --no-owner --no-privileges --inserts --rows-per-insert=50 "$db_url" |
  grep -v -e '^\\restrict ' -e '^\\unrestrict ' -e "^SELECT pg_catalog.set_config('search_path', '', false);$" |
  gzip -9n >"$out/$name.sql.gz"

counts="$(psql -At "$db_url" -c "
  select coalesce(json_object_agg(table_name, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', table_name), false, true, '')))[1]::text::int order by table_name), '{}')
  from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")"
last_migration="$(ls src/db/migrations/*.sql | sort | tail -n1 | xargs -n1 basename)"
node -e '
  const [ref, commit, date, last, email, password, counts] = process.argv.slice(1);
  const manifest = { ref, commit, committedAt: date, lastMigration: last, login: { email, password }, rows: JSON.parse(counts) };
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
' "$ref" "$commit" "$(git -C "$root" show -s --format=%cI "$commit")" "$last_migration" "$demo_email" "$password" "$counts" >"$out/$name.json"
echo "wrote $out/$name.sql.gz ($(wc -c <"$out/$name.sql.gz") bytes) and $out/$name.json"
