table $CASES/../fixtures/hostile/short_rows.csv --format json
