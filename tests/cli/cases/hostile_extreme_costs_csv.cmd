table $CASES/../fixtures/extreme_costs.csv --format csv --columns model,relative_cost,value_score
