table --sort value_score:desc --limit 10 --columns model,coverage,cost_basis,value_score
