cost --api nosuch
