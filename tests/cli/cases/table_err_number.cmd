table --data $CASES/../fixtures/bad_number
