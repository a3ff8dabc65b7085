table --sort value_score:desc --limit 10 --filter 'coverage>=3' --columns model,coverage,cost_basis,value_score
