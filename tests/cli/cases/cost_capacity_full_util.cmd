cost --capacity --preset 7B --tokens 1B --utilization 1
