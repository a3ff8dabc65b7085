size --model DeepSeek-V3.2-Exp --quant int4 --gpu H200
