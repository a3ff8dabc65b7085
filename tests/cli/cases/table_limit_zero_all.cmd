table --dataset seed --limit 0 --columns model,value_score
