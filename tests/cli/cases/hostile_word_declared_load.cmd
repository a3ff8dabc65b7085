table --load $CASES/../fixtures/hostile/word_declared.csv
