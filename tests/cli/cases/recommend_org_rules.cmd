recommend --rules "$CASES/recommend_org.json" --task CODE --limit 2 --format json
