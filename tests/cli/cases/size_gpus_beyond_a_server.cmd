size --model Llama-3.1-405B-Instruct --gpus 16
