table $CASES/../fixtures/hostile/header_only.csv
