table --data $CASES/../fixtures/hostile/metrics_scale
