size --preset 500B
