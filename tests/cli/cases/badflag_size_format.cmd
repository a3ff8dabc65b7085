size --format pdf --params 7
