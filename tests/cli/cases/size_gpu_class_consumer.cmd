size --model Llama-3.1-70B-Instruct --gpu-class consumer --format json
