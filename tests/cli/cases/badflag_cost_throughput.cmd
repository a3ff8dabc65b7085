cost --capacity --throughput -3
