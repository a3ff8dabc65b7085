cost --api gpt-4o --model Qwen3-32B --request-tokens 100,900 --capacity --tokens 1B
