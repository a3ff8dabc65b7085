table --filter 'relative_cost>0' --missing skip --columns model,mmlu,humaneval,gsm8k,value_score
