table --data $CASES/../fixtures/hostile/dup_alias
