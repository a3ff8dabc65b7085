table --sort mmlu:sideways
