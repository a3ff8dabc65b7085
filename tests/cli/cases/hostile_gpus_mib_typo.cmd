size --params 7 --data $CASES/../fixtures/hostile/gpus_mib_typo
