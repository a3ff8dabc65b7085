cost --api-price -0.002
