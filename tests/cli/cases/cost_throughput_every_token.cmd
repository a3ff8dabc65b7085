cost --model Llama-3.1-8B-Instruct --gpu h100 --tokens 10M --capacity --throughput 5000 --api-price 0.2/M
