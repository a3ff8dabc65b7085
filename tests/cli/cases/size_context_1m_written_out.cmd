size --model Llama-4-Scout-17B-16E-Instruct --context 1m
