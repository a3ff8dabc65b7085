cost --tokens nan
