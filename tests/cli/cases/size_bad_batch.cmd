size --model Llama-2-7B --batch -4
