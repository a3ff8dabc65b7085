chart --x hosted_in_per_1m --y arena_score --format text
