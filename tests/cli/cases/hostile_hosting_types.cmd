cost --data $CASES/../fixtures/hostile/hosting_types
