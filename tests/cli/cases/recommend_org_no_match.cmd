recommend --rules "$CASES/recommend_org.json" --limit 2
