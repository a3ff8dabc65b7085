table --memory int4:0
