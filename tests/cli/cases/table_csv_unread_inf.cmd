table $CASES/../fixtures/unread_inf.csv --format csv
