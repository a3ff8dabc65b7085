table $CASES/../fixtures/hostile/word_other.csv
