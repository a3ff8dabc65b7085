chart --format png
