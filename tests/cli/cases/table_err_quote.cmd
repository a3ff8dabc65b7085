table --data $CASES/../fixtures/bad_quote
