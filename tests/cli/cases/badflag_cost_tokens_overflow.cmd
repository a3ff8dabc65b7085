cost --tokens 1e400
