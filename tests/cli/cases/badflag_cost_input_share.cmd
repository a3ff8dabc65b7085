cost --input-share 1.5
