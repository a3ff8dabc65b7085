size --params 7 --efficiency 2
