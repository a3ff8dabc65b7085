cost --api-price 0.002 --api-price-out -1
