cost --tokens 12abc
