cost --model Qwen3-32B --context 1M --capacity
