table $CASES/../fixtures/hostile/bad_utf8.csv
