table $CASES/../fixtures/hostile/costs.csv --format json
