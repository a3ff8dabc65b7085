cost --tokens 1B --api-price 0.5/M --api-price-out 1.5/M --selfhost-monthly 1500 --format json
