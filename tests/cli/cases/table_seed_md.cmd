table --filter 'relative_cost>0' --format md --columns model,mmlu,value_score
