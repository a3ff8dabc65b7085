cost --model Qwen3-32B --request-tokens 100,900 --input-share 0.75
