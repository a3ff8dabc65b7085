recommend --limit -3
