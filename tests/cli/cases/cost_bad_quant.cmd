cost --model Llama-2-7B --quant int3
