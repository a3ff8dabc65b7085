table --filter 'relative_cost>0' --format json --columns model,mmlu,humaneval,relative_cost,value_score
