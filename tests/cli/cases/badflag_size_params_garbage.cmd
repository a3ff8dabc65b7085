size --params 12abc
