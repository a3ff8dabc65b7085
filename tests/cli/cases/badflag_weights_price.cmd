table --weights hosted_in_per_1m=5
