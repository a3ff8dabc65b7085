recommend --language Filipino --limit 3 --format csv
