cost --tokens 1,000,000 --api-price 0.50 --selfhost-monthly 1500
