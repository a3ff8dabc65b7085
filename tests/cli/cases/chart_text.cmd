chart --format text
