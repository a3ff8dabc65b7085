size --model DeepSeek-V4-Flash --quant int4 --context 131072 --gpus 2 --gpu H200
