table --bogus
