chart --scale raw --format text
