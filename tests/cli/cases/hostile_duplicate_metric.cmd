table --data $CASES/../fixtures/dup_metric
