cost --model Qwen3-32B --tokens 1 --capacity
