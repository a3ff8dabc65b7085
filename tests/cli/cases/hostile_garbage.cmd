table $CASES/../fixtures/hostile/garbage.csv
