cost --selfhost-monthly 0
