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
for silos in 1 3; do
  dotnet "$bench" --silos "$silos" --storage memory --seconds "$seconds" 2>/dev/null | grep -E "^(RESULT|base)"
done
if PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1; then
  for silos in 1 3; do
    db="polder_bench_$$_$silos"
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db"
    dotnet "$bench" --silos "$silos" --storage postgres --seconds "$seconds" \
      --postgres "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=$db" 2>/dev/null | grep -E "^(RESULT|base)" || true
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE $db WITH (FORCE)"
  done
else
  echo "PostgreSQL not reachable: the PostgreSQL runs are skipped"
fi
