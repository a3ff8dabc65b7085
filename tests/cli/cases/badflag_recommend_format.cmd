recommend --format yaml
