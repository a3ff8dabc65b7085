data --format json --load $CASES/../fixtures/own/own_eval.csv
