cost --tokens -1
