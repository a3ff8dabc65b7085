cost --tokens -5
