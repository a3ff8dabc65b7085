cost --model Llama-2-7B --gpu H900
