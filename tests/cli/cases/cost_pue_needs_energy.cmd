cost --pue 1.2
