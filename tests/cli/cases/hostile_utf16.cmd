table $CASES/../fixtures/hostile/utf16.csv
