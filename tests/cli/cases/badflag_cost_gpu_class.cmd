cost --model Llama-3.1-8B-Instruct --gpu h100 --gpu-class consumer
