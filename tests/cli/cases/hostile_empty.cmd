table $CASES/../fixtures/hostile/empty.csv
