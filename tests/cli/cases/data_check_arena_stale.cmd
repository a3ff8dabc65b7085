data --check --as-of 2027-06-01
