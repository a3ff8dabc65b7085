table $SHARED/open-llm-leaderboard-v1.csv --sort mmlu:desc --limit 20 --columns model,mmlu --format csv
