recommend --missing zero --limit 5
