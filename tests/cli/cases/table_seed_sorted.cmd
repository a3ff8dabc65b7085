table --filter 'relative_cost>0' --sort value_score:desc --columns model,value_score
