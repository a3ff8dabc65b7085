cost --capacity --utilization 1.5
