table $CASES/../fixtures/speed/computed.csv --sort mmlu:desc --format csv
