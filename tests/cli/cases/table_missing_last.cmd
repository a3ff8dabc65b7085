table --filter 'relative_cost>0' --sort humaneval:asc --columns model,humaneval
