table $CASES/../fixtures/hostile/terminal.csv
