cost --api-price 1e400
