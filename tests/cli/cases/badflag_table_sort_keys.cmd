table --sort mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu,mmlu
