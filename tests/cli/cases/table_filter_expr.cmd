table --filter 'mmlu>=65 and context_length>=32k' --sort mmlu:desc --columns model,mmlu,context_length
