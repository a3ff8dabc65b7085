cost --model Mistral-7B --gpu tpu
