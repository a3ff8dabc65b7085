data --check --as-of 2026-12-03
