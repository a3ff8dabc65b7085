size --model Llama-2-70B --gpu L4 --gpus 2
