table $CASES/../fixtures/frontier_file.csv --sort frontier:desc,quality:desc --columns model,quality --format csv
