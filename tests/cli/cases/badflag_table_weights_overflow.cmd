table --weights mmlu=1e400
