size --params 1e400
