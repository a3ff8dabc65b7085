recommend --rules "$CASES/recommend_badop.json"
