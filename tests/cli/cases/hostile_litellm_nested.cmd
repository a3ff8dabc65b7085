cost --load $CASES/../fixtures/hostile/litellm_nested.json
