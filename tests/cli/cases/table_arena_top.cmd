table $SHARED/lmarena-text-2025-08-04.csv --sort arena_score:desc --limit 10 --columns model,arena_score
