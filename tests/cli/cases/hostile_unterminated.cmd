table $CASES/../fixtures/hostile/unterminated.csv
