table $CASES/../fixtures/extreme_costs.csv --format json --columns model,relative_cost,value_score
