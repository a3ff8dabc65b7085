table --filter 'relative_cost>0'
