cost --model Llama-3.1-405B-Instruct --capacity --tokens 10B --api gpt-4o-mini
