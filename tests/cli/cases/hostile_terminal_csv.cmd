table $CASES/../fixtures/hostile/terminal.csv --format csv > out.csv && od -An -c out.csv
