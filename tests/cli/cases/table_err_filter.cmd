table --filter 'mmlu>>3'
