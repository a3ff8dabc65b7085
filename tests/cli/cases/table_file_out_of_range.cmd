table $CASES/../fixtures/out_of_range.csv
