cost --tokens 1.25B --api-price 0.002 --selfhost-monthly 2500 --format json
