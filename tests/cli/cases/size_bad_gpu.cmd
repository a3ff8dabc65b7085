size --model Llama-2-7B --gpu 'TPU v5'
