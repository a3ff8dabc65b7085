recommend --task code --limit 5 --format csv
