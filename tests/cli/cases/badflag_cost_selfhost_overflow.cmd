cost --selfhost-monthly 1e400
