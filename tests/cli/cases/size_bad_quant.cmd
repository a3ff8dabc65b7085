size --model Llama-2-7B --quant q9_z
