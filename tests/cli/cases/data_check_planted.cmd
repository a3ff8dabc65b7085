data --check --as-of 2026-12-03 --data $CASES/../fixtures/datacheck_bad
