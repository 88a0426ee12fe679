#!/bin/sh
# Reproduces models/themes-dekamer.model (embedded in Polder.Core as Polder.Topics.themes-dekamer.model).
# Run from the repository root with ../shared/data beside it. See models/themes-dekamer.md.
set -e
dotnet build src/Polder.Cli -c Release
dotnet src/Polder.Cli/bin/Release/net10.0/polder.dll train topics \
  --data ../shared/data/topics/dekamer-2017-jan-may.csv \
  --text-column question --label-column question_theme_main --time-column depotdat \
  --terminology ../shared/data/topics/dekamer_theme_terminology.csv \
  --seed 1 --verbose "$@" \
  --out models/themes-dekamer.model
