table --data $CASES/../fixtures/dup_names
