recommend --language zh --commercial --limit 5
