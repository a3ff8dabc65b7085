table --sort value_score:desc --limit 5 --filter 'coverage>=3 and cost_basis=hosted' --columns model,coverage,cost_basis,value_score
