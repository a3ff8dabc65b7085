cost --model Llama-3.1-405B-Instruct --capacity --tokens 10B --batch 1 --quant int4 --api gpt-4o-mini --format json
