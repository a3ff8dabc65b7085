cost --format html
