table $CASES/../fixtures/hostile/binary.csv
