size --params 99999
