cost --model Mistral-7B --quant q4_k_m --gpu L4 --tokens 300M --api gpt-4o-mini --format md
