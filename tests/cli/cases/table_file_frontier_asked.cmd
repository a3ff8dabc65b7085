table $CASES/../fixtures/frontier_file.csv --columns model,relative_cost,quality,frontier
