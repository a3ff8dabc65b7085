table $CASES/../fixtures/hostile/long_row.csv
