table $CASES/../fixtures/hostile/terminal.csv --format md
