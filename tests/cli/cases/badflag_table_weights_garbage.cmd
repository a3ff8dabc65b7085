table --weights mmlu=12abc
