recommend --rules $CASES/../fixtures/hostile/rules_types.json
