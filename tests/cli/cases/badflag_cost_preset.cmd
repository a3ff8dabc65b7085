cost --preset 500B
