cost --model Llama-3.1-8B-Instruct --tokens 2B --capacity --gpu-class consumer
