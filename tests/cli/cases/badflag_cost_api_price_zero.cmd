cost --api-price 0
