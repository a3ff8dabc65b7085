chart --x 'Rel. cost' --y arena_score --format text
