table --dataset seed --memory int4
