recommend --limit 3
