recommend --rules $CASES/../fixtures/hostile/rules_empty.json
