size --model Qwen3-8B --quant release
