size --model Qwen2.5-7B-Instruct --quant release
