table - --format csv < $CASES/../fixtures/bad_quote/models.csv
