table $CASES/../fixtures/hostile/costs.csv --sort value_score:desc
