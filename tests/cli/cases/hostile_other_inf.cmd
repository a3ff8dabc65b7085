table $CASES/../fixtures/hostile/other_inf.csv --format json
