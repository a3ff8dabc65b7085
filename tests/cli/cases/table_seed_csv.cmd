table --filter 'relative_cost>0' --format csv
