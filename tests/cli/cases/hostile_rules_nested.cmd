recommend --rules $CASES/../fixtures/hostile/rules_nested.json
