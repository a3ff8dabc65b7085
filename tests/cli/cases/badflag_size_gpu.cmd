size --params 7 --gpu tpu
