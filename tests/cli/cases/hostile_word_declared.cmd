table $CASES/../fixtures/hostile/word_declared.csv
