table --scale raw --sort quality:desc --limit 6 --columns model,arena_win,gpqa_diamond,aime25,quality,coverage
