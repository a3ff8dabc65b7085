size --params 7 --efficiency 12abc
