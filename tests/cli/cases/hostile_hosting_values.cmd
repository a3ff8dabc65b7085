cost --data $CASES/../fixtures/hostile/hosting_values
