recommend --tokens 1e400
