cost --api-price 12abc
