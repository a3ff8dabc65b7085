recommend --budget high --commercial --tokens 1.5B --limit 5 --format md
