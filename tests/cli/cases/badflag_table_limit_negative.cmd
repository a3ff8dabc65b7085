table --limit -1
