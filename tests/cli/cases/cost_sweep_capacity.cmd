cost --sweep --capacity --selfhost-monthly 1000 --throughput 1000 --utilization 1
