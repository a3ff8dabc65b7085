size --params 7 --batch -1
