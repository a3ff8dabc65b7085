table $CASES/../fixtures/hostile/missing_markers.csv --format json
