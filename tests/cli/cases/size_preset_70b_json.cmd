size --preset 70b --format json
