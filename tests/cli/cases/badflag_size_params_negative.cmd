size --params -7
