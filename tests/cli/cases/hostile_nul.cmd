table $CASES/../fixtures/hostile/nul.csv
