#!/usr/bin/env bash
# The service's load figures (docs/service.md): 1 and 3 silos, grain state in memory and in PostgreSQL, each for
# SECONDS (default 60) after a 5 s warm-up, batches of 1,000 posts. PostgreSQL: POLDER_TEST_POSTGRES or user
# postgres/postgres on 127.0.0.1; a database polder_bench_* is created for each run and dropped after it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
server=${POLDER_TEST_POSTGRES:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres"}
dotnet build benchmarks/Polder.Service.Load -c Release -v q >/dev/null
bench=benchmarks/Polder.Service.Load/bin/Release/net10.0/Polder.Service.Load.dll
# one line per configuration: posts/s, latency per 1,000-post request, CPU seconds and posts per CPU second
summary() {
  awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "silos=%s storage=%-8s posts/s=%6s p50_ms=%7s p99_ms=%7s failed=%s cpu_s=%5s posts_per_cpu_s=%6.0f load1=%s\n",
      v["silos"], v["storage"], v["posts/s"], v["p50_ms"], v["p99_ms"], v["failed"], v["cpu_s"], v["posts"] / v["cpu_s"], v["load1"] }'
}
for silos in 1 3; do
  dotnet "$bench" --silos "$silos" --storage memory --seconds "$seconds" 2>/dev/null | summary
done
if PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1; then
  for silos in 1 3; do
    db="polder_bench_$$_$silos"
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
    dotnet "$bench" --silos "$silos" --storage postgres --seconds "$seconds" \
      --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$db" 2>/dev/null | summary || true
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)"
  done
else
  echo "PostgreSQL not reachable: the PostgreSQL runs are skipped"
fi
