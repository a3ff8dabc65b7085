recommend --rules $CASES/../fixtures/hostile/rules_values.json
