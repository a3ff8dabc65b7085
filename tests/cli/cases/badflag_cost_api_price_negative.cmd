cost --api-price -1
