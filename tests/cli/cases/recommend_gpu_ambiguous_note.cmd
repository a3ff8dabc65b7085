recommend --gpu h100 --limit 1 --format csv
