table --filter 'relative_cost>0' --weights mmlu=0,humaneval=0,gsm8k=0,arc=1 --sort value_score:desc --columns model,arc,value_score
