table --memory fp3
