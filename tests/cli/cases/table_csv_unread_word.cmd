table $CASES/../fixtures/unread_word.csv --sort mmlu:desc --format csv
