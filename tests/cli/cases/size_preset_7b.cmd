size --preset 7B
