table --sort mmlu:desc --limit 3 --columns model,mmlu
