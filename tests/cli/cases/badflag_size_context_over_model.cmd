size --model Qwen3-32B --context 10M
