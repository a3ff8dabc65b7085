table --data /nonexistent
