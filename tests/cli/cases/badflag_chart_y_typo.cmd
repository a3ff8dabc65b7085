chart --y qualty
