table --weights mmlu=-1
