table --load $CASES/../fixtures/own/own_eval.csv --filter 'support_eval>0' --weights support_eval=3 --sort value_score:desc --columns model,support_eval,value_score
