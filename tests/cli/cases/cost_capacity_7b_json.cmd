cost --capacity --preset 7B --tokens 1B --format json
