table $CASES/../fixtures/hostile/terminal_word.csv
