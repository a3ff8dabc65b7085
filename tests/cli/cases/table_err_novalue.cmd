table --sort
