table --load /nonexistent.csv
