recommend --tokens -5
