table --limit 1.5
