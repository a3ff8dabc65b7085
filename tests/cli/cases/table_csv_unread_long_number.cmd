table $CASES/../fixtures/unread_long_number.csv --format csv
