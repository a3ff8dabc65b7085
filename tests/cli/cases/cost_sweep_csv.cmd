cost --sweep --preset 13B --format csv
