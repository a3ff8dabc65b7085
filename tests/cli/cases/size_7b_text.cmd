size --model Llama-2-7B --gpu A10
