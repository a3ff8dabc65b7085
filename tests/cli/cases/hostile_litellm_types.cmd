cost --load $CASES/../fixtures/hostile/litellm_types.json --api m
