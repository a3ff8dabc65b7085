table $CASES/../fixtures/hostile/overflow.csv
