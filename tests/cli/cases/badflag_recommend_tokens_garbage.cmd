recommend --tokens 12abc
