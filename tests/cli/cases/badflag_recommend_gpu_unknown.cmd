recommend --gpu tpu-v5
