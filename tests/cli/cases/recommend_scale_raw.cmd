recommend --scale raw --limit 5
