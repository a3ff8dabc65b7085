table --sort nosuch
