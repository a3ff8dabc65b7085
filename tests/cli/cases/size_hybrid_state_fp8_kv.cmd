size --model Qwen3-Next-80B-A3B-Instruct --kv-quant fp8
