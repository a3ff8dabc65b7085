cost --tokens 750M --api-price 0.002 --selfhost-monthly 1500 --format json
