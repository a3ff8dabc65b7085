table $CASES/../fixtures/hostile/duplicates.csv
