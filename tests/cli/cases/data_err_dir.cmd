data --data $CASES/../fixtures/bad_number_dir_missing
