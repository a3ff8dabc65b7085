table $CASES/../fixtures/hostile/plain.csv
