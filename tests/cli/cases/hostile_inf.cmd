table $CASES/../fixtures/hostile/inf.csv
