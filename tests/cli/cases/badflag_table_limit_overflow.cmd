table --limit 1e400
