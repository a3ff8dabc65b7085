size --model Llama-3.1-70B-Instruct --gpu h100 --gpus 3
