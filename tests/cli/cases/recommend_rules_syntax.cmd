recommend --rules "$CASES/recommend_syntax.json"
