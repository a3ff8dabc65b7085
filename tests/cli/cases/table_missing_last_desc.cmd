table --filter 'relative_cost>0' --sort humaneval:desc --columns model,humaneval
