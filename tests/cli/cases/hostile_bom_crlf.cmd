table $CASES/../fixtures/hostile/bom_crlf.csv
