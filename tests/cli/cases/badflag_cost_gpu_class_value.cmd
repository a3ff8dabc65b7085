cost --model Llama-3.1-8B-Instruct --gpu-class gamer
