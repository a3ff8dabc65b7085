table --missing maybe
