table - --sort support_eval:desc --format csv < $CASES/../fixtures/own/own_eval.csv
