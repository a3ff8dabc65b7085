size --params 0
