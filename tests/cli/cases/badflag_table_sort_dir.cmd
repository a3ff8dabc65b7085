table --sort mmlu:up
