table $CASES/../fixtures/hostile/formula.csv --format csv --columns model,note
