data --check --as-of 2026-13-03
